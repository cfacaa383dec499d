package com.lakehouse.queryd.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;

class TableCallsTest {

    private static final Set<String> NAMES = Set.of("dataset", "vector_search");

    @Test
    void findsCallsWithLiteralArgumentsAndRewritesThem() {
        String sql = "SELECT * FROM dataset('workers', 3) w JOIN Vector_Search ( 'r', [0.5, -1e-3], 4, '{\"a\":\"it''s\"}' ) v ON true";
        List<TableCalls.Call> calls = TableCalls.find(sql, NAMES);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).string(0, "name")).isEqualTo("workers");
        assertThat(calls.get(0).whole(1, "version", 1, 10)).isEqualTo(3);
        assertThat(calls.get(1).function()).isEqualTo("vector_search");
        assertThat(calls.get(1).args().get(1).vector()).containsExactly(0.5, -1e-3);
        assertThat(calls.get(1).string(3, "filter")).isEqualTo("{\"a\":\"it's\"}");
        assertThat(TableCalls.rewrite(sql, calls, c -> "\"" + c.function() + "\""))
                .isEqualTo("SELECT * FROM \"dataset\" w JOIN \"vector_search\" v ON true");
    }

    @Test
    void ignoresNamesInStringsCommentsQuotedIdentifiersAndQualifiedNames() {
        String sql = "SELECT 'dataset(1)', \"dataset\"(1), x.dataset(1) -- dataset('a', 1)\n /* dataset('b',2) */ FROM t";
        assertThat(TableCalls.find(sql, NAMES)).isEmpty();
        assertThat(TableCalls.find("SELECT dataset FROM t", NAMES)).isEmpty();
    }

    @Test
    void anythingButLiteralsIs400() {
        assertThatThrownBy(() -> TableCalls.find("FROM dataset('a', (SELECT 1))", NAMES))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("literals");
        assertThatThrownBy(() -> TableCalls.find("FROM dataset('a', 1", NAMES))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TableCalls.find("FROM dataset('a', x)", NAMES))
                .isInstanceOf(InvalidRequestException.class);
        TableCalls.Call call = TableCalls.find("FROM dataset('a', 1.5)", NAMES).getFirst();
        assertThatThrownBy(() -> call.whole(1, "the version", 1, 9)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> call.string(1, "the name")).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> call.arg(2, "k")).hasMessageContaining("missing k");
    }
}
