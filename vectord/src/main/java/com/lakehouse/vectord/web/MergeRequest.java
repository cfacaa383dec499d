package com.lakehouse.vectord.web;

/** {@code POST /vectors/index/{src}/merge}; {@code clear_source} defaults to false. */
record MergeRequest(String dest, Boolean clearSource) {

    boolean clear() {
        return Boolean.TRUE.equals(clearSource);
    }
}
