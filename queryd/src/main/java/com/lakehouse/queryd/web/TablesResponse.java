package com.lakehouse.queryd.web;

import java.util.List;

import com.lakehouse.queryd.engine.ColumnInfo;

/** {@code GET /sql/tables}: every dataset view with its catalog version, every version it has, and columns. */
public record TablesResponse(List<Table> tables) {

    /** One view. */
    public record Table(String name, long version, List<Long> versions, long rowCount, List<ColumnInfo> columns) {
    }
}
