package com.lakehouse.queryd.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.DuckDbSql;

/** The DDL of a dataset view: its name over {@code read_parquet} of its local files. */
final class ViewDefinitions {

    /** A DuckDB type name as catalogd records it, e.g. {@code DECIMAL(18,3)} or {@code VARCHAR[]}. */
    private static final Pattern TYPE = Pattern.compile("^[A-Za-z][A-Za-z0-9_ ,()\\[\\]]*$");

    private ViewDefinitions() {
    }

    static String create(String name, List<Path> files, String cacheDir) {
        String list = files.stream()
                .map(f -> DuckDbSql.literal(cacheDir + f.getFileName()))
                .collect(Collectors.joining(", ", "[", "]"));
        return "CREATE OR REPLACE VIEW " + DuckDbSql.identifier(name) + " AS SELECT * FROM read_parquet(" + list + ")";
    }

    /** A dataset without objects is an empty view of its schema; empty when the schema is unusable. */
    static Optional<String> createEmpty(String name, List<SchemaColumn> schema) {
        if (schema.isEmpty() || schema.stream().anyMatch(c -> c.type() == null || !TYPE.matcher(c.type()).matches())) {
            return Optional.empty();
        }
        String columns = schema.stream()
                .map(c -> "CAST(NULL AS " + c.type() + ") AS " + DuckDbSql.identifier(c.name()))
                .collect(Collectors.joining(", "));
        return Optional.of("CREATE OR REPLACE VIEW " + DuckDbSql.identifier(name) + " AS SELECT " + columns + " WHERE false");
    }

    static String drop(String name) {
        return "DROP VIEW IF EXISTS " + DuckDbSql.identifier(name);
    }
}
