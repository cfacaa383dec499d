package com.lakehouse.queryd.engine;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads up to {@code maxRows} rows as JSON-native values ({@link JsonValues}). */
public final class JsonRowsReader implements ResultReader<RowsResult> {

    @Override
    public RowsResult read(ResultSet result, int maxRows) throws SQLException {
        List<ColumnInfo> columns = columns(result.getMetaData());
        boolean[] localTimestamp = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String type = columns.get(i).type();
            // Read zone-less timestamps as LocalDateTime: java.sql.Timestamp would drag the JVM's zone in.
            localTimestamp[i] = type.startsWith("TIMESTAMP") && !type.contains("TIME ZONE");
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Object value = localTimestamp[i] ? result.getObject(i + 1, LocalDateTime.class) : result.getObject(i + 1);
                row.add(JsonValues.of(value));
            }
            rows.add(row);
        }
        return new RowsResult(columns, rows, truncated);
    }

    static List<ColumnInfo> columns(ResultSetMetaData meta) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new ColumnInfo(meta.getColumnName(i), meta.getColumnTypeName(i)));
        }
        return columns;
    }
}
