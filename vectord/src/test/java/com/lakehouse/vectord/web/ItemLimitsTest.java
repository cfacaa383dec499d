package com.lakehouse.vectord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.IndexSpec;

class ItemLimitsTest {

    private final IndexSpec spec = new IndexSpec("i", 2, Distance.L2, 16, 200);
    private final ItemLimits limits = new ItemLimits(3, 8, 2, 4, 20, 2);

    private List<?> add(AddRequest.Item... items) {
        return BatchValidator.validate(new AddRequest(List.of(items)), spec, limits);
    }

    private static AddRequest.Item item(String id, Map<String, Object> metadata) {
        return new AddRequest.Item(id, new double[] {1, 0}, metadata);
    }

    private static void assertRefused(Runnable call, Class<? extends LakehouseException> type, String field, int limit) {
        assertThatThrownBy(call::run).isInstanceOf(type)
                .satisfies(e -> assertThat(((LakehouseException) e).details()).containsEntry("field", field)
                        .containsEntry("limit", limit))
                .hasMessageContaining(String.valueOf(limit));
    }

    @Test
    void withinEveryBoundIsAccepted() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("abcd", List.of(List.of(1, 2)));
        metadata.put("b", "x".repeat(10));
        assertThat(add(item("12345678", metadata), item("b", null), item("c", Map.of()))).hasSize(3);
    }

    @Test
    void tooManyItemsIs413() {
        assertRefused(() -> add(item("a", null), item("b", null), item("c", null), item("d", null)),
                PayloadTooLargeException.class, "items", 3);
    }

    @Test
    void anIdOverItsBytesIs422CountingUtf8() {
        assertRefused(() -> add(item("a", null), item("123456789", null)), UnprocessableException.class, "items[1].id", 8);
        assertRefused(() -> add(item("ééééé", null)), UnprocessableException.class, "items[0].id", 8);
    }

    @Test
    void tooManyMetadataKeysIs422() {
        assertRefused(() -> add(item("a", Map.of("a", 1, "b", 2, "c", 3))), UnprocessableException.class,
                "items[0].metadata", 2);
    }

    @Test
    void aLongMetadataKeyIs422() {
        assertThatThrownBy(() -> add(item("a", Map.of("abcde", 1)))).isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("max_metadata_key_bytes").hasMessageContaining("4");
    }

    @Test
    void aKeyWithNulOrEmptyIs422() {
        assertThatThrownBy(() -> add(item("a", Map.of("a\u0000b", 1)))).isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> add(item("a", Map.of("", 1)))).isInstanceOf(UnprocessableException.class);
    }

    @Test
    void aLargeMetadataValueIs422() {
        assertRefused(() -> add(item("a", Map.of("k", "x".repeat(19)))), UnprocessableException.class,
                "items[0].metadata.k", 20);
        assertRefused(() -> add(item("a", Map.of("k", List.of("abcdefgh", "abcdefgh")))), UnprocessableException.class,
                "items[0].metadata.k", 20);
    }

    @Test
    void deepNestingIs422() {
        Object deep = List.of(List.of(List.of(1)));
        assertRefused(() -> add(item("a", Map.of("k", deep))), UnprocessableException.class, "items[0].metadata.k", 2);
    }

    @Test
    void aDeeplyNestedValueIsMeasuredWithoutOverflowingForReasonableDepths() {
        Object value = 1;
        for (int i = 0; i < 200; i++) {
            List<Object> wrap = new ArrayList<>();
            wrap.add(value);
            value = wrap;
        }
        Object finalValue = value;
        assertThatThrownBy(() -> add(item("a", Map.of("k", finalValue)))).isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("200 levels");
    }

    @Test
    void theFirstBoundBrokenStopsTheWholeBatch() {
        assertThatThrownBy(() -> add(item("ok", null), item("123456789", null)))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("items[1].id");
    }

    @Test
    void filterKeyCountIsBounded() {
        assertRefused(() -> limits.checkKeyCount("filter", 3), UnprocessableException.class, "filter", 2);
    }
}
