package com.lakehouse.shared.catalog;

/** One column of a dataset's schema; {@code type} is a DuckDB type name (BIGINT, DOUBLE, VARCHAR, ...). */
public record SchemaColumn(String name, String type, boolean nullable) {
}
