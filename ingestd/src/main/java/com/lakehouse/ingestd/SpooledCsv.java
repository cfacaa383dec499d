package com.lakehouse.ingestd;

import java.nio.file.Path;

import com.lakehouse.ingestd.csv.CsvProfile;

/**
 * An upload on local disk that passed every CSV check.
 *
 * @param file    the spooled bytes, exactly as uploaded
 * @param sha256  lowercase hex SHA-256 of those bytes (the content address of the Parquet object)
 * @param bytes   the file's size
 * @param profile what the scan learned: columns, types, rows
 */
public record SpooledCsv(Path file, String sha256, long bytes, CsvProfile profile) {
}
