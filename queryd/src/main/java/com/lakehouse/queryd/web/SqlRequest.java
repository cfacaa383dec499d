package com.lakehouse.queryd.web;

/** {@code POST /sql}: one statement and an optional row limit. */
public record SqlRequest(String sql, Integer maxRows) {
}
