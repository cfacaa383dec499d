package com.lakehouse.queryd.web;

import java.util.List;

import com.lakehouse.queryd.engine.ColumnInfo;

/** The JSON answer of {@code POST /sql} (SPEC §6). */
public record SqlResponse(List<ColumnInfo> columns, List<List<Object>> rows, long rowCount, boolean truncated, long elapsedMs) {
}
