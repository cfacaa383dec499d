package com.lakehouse.ingestd.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lakehouse.shared.catalog.SchemaColumn;

/**
 * What a full scan learned about a CSV file: its columns with their inferred types, how many data
 * rows it has, and how long its longest record is (DuckDB needs that bound).
 *
 * @param columns        the columns in header order
 * @param rows           data records (the header excluded)
 * @param maxRecordBytes bytes of the longest record, quotes and delimiters included
 */
public record CsvProfile(List<Column> columns, long rows, long maxRecordBytes) {

    public CsvProfile {
        columns = List.copyOf(columns);
    }

    /** The schema as catalogd stores it. */
    public List<SchemaColumn> schema() {
        List<SchemaColumn> schema = new ArrayList<>(columns.size());
        for (Column column : columns) {
            schema.add(new SchemaColumn(column.name(), column.type().name(), column.nullable()));
        }
        return schema;
    }

    /** The same profile with one column's type replaced (when DuckDB disagreed with a guess). */
    public CsvProfile withType(int index, ColumnType type) {
        List<Column> copy = new ArrayList<>(columns);
        Column old = copy.get(index);
        copy.set(index, new Column(old.name(), type, old.nullable(), old.sampledType(), old.widenedAtLine(), old.widenedBy(),
                old.firstNotOf()));
        return new CsvProfile(copy, rows, maxRecordBytes);
    }

    /**
     * One column.
     *
     * @param name          the header name, exactly as in the file
     * @param type          the final type
     * @param nullable      whether any value is empty (NULL)
     * @param sampledType   the type the sample rows alone gave
     * @param widenedAtLine the line of the first later value that did not fit the sampled type, or 0
     * @param widenedBy     that value (cut to a few dozen bytes), or null
     * @param firstNotOf    by type, the first value of the column that is not of that type (when the
     *                      scan still looked at the column's values): what reading the file into a
     *                      dataset column of that type would refuse
     */
    public record Column(String name, ColumnType type, boolean nullable, ColumnType sampledType,
            long widenedAtLine, String widenedBy, Map<ColumnType, ValueAt> firstNotOf) {

        public Column {
            firstNotOf = Map.copyOf(firstNotOf);
        }

        public Column(String name, ColumnType type, boolean nullable, ColumnType sampledType, long widenedAtLine, String widenedBy) {
            this(name, type, nullable, sampledType, widenedAtLine, widenedBy, Map.of());
        }
    }

    /** A value of the file and the line it starts on. */
    public record ValueAt(long line, String value) {
    }
}
