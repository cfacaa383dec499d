package com.lakehouse.queryd.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.lakehouse.shared.error.PayloadTooLargeException;

/** The bound on a request's SQL text (SPEC §2.5), checked before anything parses it. */
final class SqlLimits {

    private SqlLimits() {
    }

    /** @throws PayloadTooLargeException {@code sql} is longer than {@code maxSqlBytes} in UTF-8 (413) */
    static void checkLength(String sql, int maxSqlBytes) {
        if (sql == null || sql.length() * 3L <= maxSqlBytes) {
            return; // at most 3 UTF-8 bytes per UTF-16 unit: short texts need no count
        }
        long bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSqlBytes) {
            throw new PayloadTooLargeException("sql is " + bytes + " bytes, over max_sql_bytes (" + maxSqlBytes + " bytes)",
                    Map.of("field", "sql", "limit", maxSqlBytes));
        }
    }
}
