package com.lakehouse.mcpd.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

    @Test
    void readsTypedValuesWithDefaults() {
        ToolArguments args = new ToolArguments(Map.of("sql", "SELECT 1", "k", 5, "texts", List.of("a", "b"),
                "vector", List.of(1, 2.5), "filter", Map.of("city", "Austin")));
        assertThat(args.requiredString("sql")).isEqualTo("SELECT 1");
        assertThat(args.integer("k", 10, 1, 100)).isEqualTo(5);
        assertThat(args.integer("limit", 10, 1, 100)).isEqualTo(10);
        assertThat(args.atLeast("max_rows", 100, 1)).isEqualTo(100);
        assertThat(args.strings("texts")).contains(List.of("a", "b"));
        assertThat(args.numbers("vector")).contains(List.of(1.0, 2.5));
        assertThat(args.object("filter")).contains(Map.of("city", "Austin"));
        assertThat(new ToolArguments(null).has("x")).isFalse();
    }

    @Test
    void namesTheArgumentThatIsWrong() {
        Map<String, Object> values = new HashMap<>();
        values.put("sql", " ");
        values.put("k", 2.5);
        values.put("limit", 0);
        values.put("texts", List.of("a", ""));
        values.put("vector", List.of(1.0, Double.NaN));
        values.put("filter", "city=Austin");
        ToolArguments args = new ToolArguments(values);
        assertThatThrownBy(() -> args.requiredString("sql")).hasMessage("'sql' must be a non-empty string");
        assertThatThrownBy(() -> args.requiredString("index")).hasMessage("'index' is required");
        assertThatThrownBy(() -> args.integer("k", 10, 1, 100)).hasMessage("'k' must be an integer, got 2.5");
        assertThatThrownBy(() -> args.integer("limit", 10, 1, 100)).hasMessage("'limit' must be between 1 and 100, got 0");
        assertThatThrownBy(() -> args.strings("texts")).hasMessage("'texts[1]' must be a non-empty string");
        assertThatThrownBy(() -> args.numbers("vector")).hasMessage("'vector[1]' must be a finite number");
        assertThatThrownBy(() -> args.object("filter")).hasMessage("'filter' must be a JSON object");
    }
}
