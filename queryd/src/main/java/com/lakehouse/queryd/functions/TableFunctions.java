package com.lakehouse.queryd.functions;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.lakehouse.queryd.sandbox.TableCalls;

/**
 * Expands every call of queryd's table functions in a request before the sandbox sees it. Each
 * expansion is SQL queryd wrote from literal arguments (quoted identifiers and literals only), and
 * the sandbox then vets the whole expanded text as it vets any query.
 */
public final class TableFunctions {

    private final Map<String, TableFunction> byName;

    public TableFunctions(List<TableFunction> functions) {
        this.byName = functions.stream().collect(Collectors.toUnmodifiableMap(TableFunction::name, Function.identity()));
    }

    /** {@code sql} with each call expanded; the same string when it calls none. */
    public String expand(String sql) {
        if (sql == null) {
            return null;
        }
        List<TableCalls.Call> calls = TableCalls.find(sql, byName.keySet());
        if (calls.isEmpty()) {
            return sql;
        }
        return TableCalls.rewrite(sql, calls, call -> byName.get(call.function()).expand(call));
    }
}
