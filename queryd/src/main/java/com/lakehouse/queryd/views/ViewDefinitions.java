package com.lakehouse.queryd.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.lakehouse.shared.catalog.ColumnTypes;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.DuckDbSql;

/**
 * The DDL of a dataset view: its name over {@code read_parquet} of its local files. Catalog text
 * never becomes SQL of its own: names are quoted identifiers ({@link DuckDbSql#identifier}) and a
 * type is spliced only after {@link ColumnTypes#isValid} (the closed grammar catalogd checks too).
 */
final class ViewDefinitions {

    private ViewDefinitions() {
    }

    /**
     * Why {@code schema} cannot define a view: a column without a name, or with a type outside the
     * closed grammar of DuckDB type names. Empty when every column is usable.
     */
    static Optional<String> refusal(List<SchemaColumn> schema) {
        for (int i = 0; i < schema.size(); i++) {
            SchemaColumn column = schema.get(i);
            if (column == null || column.name() == null || column.name().isEmpty()) {
                return Optional.of("column " + (i + 1) + " has no name");
            }
            if (!ColumnTypes.isValid(column.type())) {
                return Optional.of("column " + (i + 1) + " has a type that is not a DuckDB type name (SPEC §5)");
            }
        }
        return Optional.empty();
    }

    static String create(String name, List<Path> files, String cacheDir) {
        String list = files.stream()
                .map(f -> DuckDbSql.literal(cacheDir + f.getFileName()))
                .collect(Collectors.joining(", ", "[", "]"));
        return "CREATE OR REPLACE VIEW " + DuckDbSql.identifier(name) + " AS SELECT * FROM read_parquet(" + list + ")";
    }

    /**
     * A dataset without objects is an empty view of its schema; empty when the schema has no column.
     *
     * @throws IllegalArgumentException a column {@link #refusal} refuses (callers check first)
     */
    static Optional<String> createEmpty(String name, List<SchemaColumn> schema) {
        Optional<String> refused = refusal(schema);
        if (refused.isPresent()) {
            throw new IllegalArgumentException(refused.get());
        }
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        String columns = schema.stream()
                .map(c -> "CAST(NULL AS " + c.type().strip() + ") AS " + DuckDbSql.identifier(c.name()))
                .collect(Collectors.joining(", "));
        return Optional.of("CREATE OR REPLACE VIEW " + DuckDbSql.identifier(name) + " AS SELECT " + columns + " WHERE false");
    }

    static String drop(String name) {
        return "DROP VIEW IF EXISTS " + DuckDbSql.identifier(name);
    }
}
