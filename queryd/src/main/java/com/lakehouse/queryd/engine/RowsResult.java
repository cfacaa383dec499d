package com.lakehouse.queryd.engine;

import java.util.List;

/** A result as JSON rows; {@code truncated} when the query produced more than the row limit. */
public record RowsResult(List<ColumnInfo> columns, List<List<Object>> rows, boolean truncated) {
}
