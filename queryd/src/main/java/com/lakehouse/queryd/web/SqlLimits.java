package com.lakehouse.queryd.web;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.text.Utf8;

/** The bound on a request's SQL text (SPEC §2.5), checked before anything parses it. */
final class SqlLimits {

    private SqlLimits() {
    }

    /** @throws PayloadTooLargeException {@code sql} is longer than {@code maxSqlBytes} in UTF-8 (413) */
    static void checkLength(String sql, int maxSqlBytes) {
        if (sql == null || sql.length() * 3L <= maxSqlBytes) {
            return; // at most 3 UTF-8 bytes per UTF-16 unit: short texts need no count
        }
        int bytes = Utf8.length(sql);
        if (bytes > maxSqlBytes) {
            throw new FieldLimit("sql", maxSqlBytes, "max_sql_bytes").tooLarge("is " + bytes + " bytes");
        }
    }
}
