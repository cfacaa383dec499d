package com.lakehouse.shared.catalog;

/** A Parquet object that is part of a dataset version. */
public record DataObject(String key, long size, String etag, long rowCount) {
}
