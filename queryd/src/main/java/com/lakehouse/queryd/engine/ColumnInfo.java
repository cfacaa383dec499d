package com.lakehouse.queryd.engine;

/** A result column: its name and DuckDB type (e.g. {@code BIGINT}, {@code DECIMAL(18,3)}, {@code VARCHAR[]}). */
public record ColumnInfo(String name, String type) {
}
