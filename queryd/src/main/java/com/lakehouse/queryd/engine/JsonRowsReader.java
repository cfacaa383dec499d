package com.lakehouse.queryd.engine;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.PayloadTooLargeException;

/**
 * Reads up to {@code maxRows} rows as JSON-native values ({@link JsonValues}). Every string, nested
 * ones and column names included, has queryd's local directories replaced by placeholders (SPEC §2:
 * no host path in a response; views, settings, EXPLAIN plans and {@code filename} columns name them).
 * Rows stop at {@code maxResultBytes} of JSON ({@link JsonSize}): past it the answer is 413.
 */
public final class JsonRowsReader implements ResultReader<RowsResult> {

    private final ErrorRedactor paths;
    private final long maxResultBytes;

    public JsonRowsReader(ErrorRedactor paths, long maxResultBytes) {
        this.paths = paths;
        this.maxResultBytes = maxResultBytes;
    }

    @Override
    public RowsResult read(ResultSet result, int maxRows) throws SQLException {
        List<ColumnInfo> columns = columns(result.getMetaData()).stream()
                .map(c -> new ColumnInfo(paths.paths(c.name()), c.type())).toList();
        boolean[] localTimestamp = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String type = columns.get(i).type();
            // Read zone-less timestamps as LocalDateTime: java.sql.Timestamp would drag the JVM's zone in.
            localTimestamp[i] = type.startsWith("TIMESTAMP") && !type.contains("TIME ZONE");
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        long bytes = JsonSize.of(columns.stream().map(c -> List.of(c.name(), c.type())).toList());
        while (result.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Object value = localTimestamp[i] ? result.getObject(i + 1, LocalDateTime.class) : result.getObject(i + 1);
                row.add(redacted(JsonValues.of(value)));
            }
            bytes += JsonSize.of(row) + 1;
            if (bytes > maxResultBytes) {
                throw tooLarge(maxResultBytes, rows.size());
            }
            rows.add(row);
        }
        return new RowsResult(columns, rows, truncated);
    }

    /** The 413 of a result past {@code max_result_bytes}, after {@code rows} whole rows. */
    static PayloadTooLargeException tooLarge(long maxResultBytes, long rows) {
        return new FieldLimit("max_result_bytes", maxResultBytes, null).tooLarge("is exceeded after " + rows
                + " rows of the result (ask for fewer rows with max_rows or fewer columns, or stream it as CSV with"
                + " Accept: text/csv)");
    }

    private Object redacted(Object value) {
        return switch (value) {
            case String s -> paths.paths(s);
            case List<?> list -> list.stream().map(this::redacted).toList();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(paths.paths(String.valueOf(k)), redacted(v)));
                yield out;
            }
            case null, default -> value;
        };
    }

    static List<ColumnInfo> columns(ResultSetMetaData meta) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new ColumnInfo(meta.getColumnName(i), meta.getColumnTypeName(i)));
        }
        return columns;
    }
}
