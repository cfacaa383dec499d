package com.lakehouse.ingestd.ingest;

import java.nio.file.Path;
import java.util.Optional;

import com.lakehouse.ingestd.convert.ParquetStream;
import com.lakehouse.ingestd.csv.CsvProfile;

/**
 * An upload on local disk that passed every CSV check. Closing it ends the conversion that ran
 * during the upload, if nobody used it.
 *
 * @param file     the spooled bytes, exactly as uploaded
 * @param sha256   lowercase hex SHA-256 of those bytes (the content address of the Parquet object)
 * @param bytes    the file's size
 * @param profile  what the scan learned: columns, types, rows
 * @param streamed the conversion that ran during the upload, or null when none did
 */
public record SpooledCsv(Path file, String sha256, long bytes, CsvProfile profile, ParquetStream streamed)
        implements AutoCloseable {

    /** The Parquet file the upload's streamed conversion made of this very profile, if it did. */
    public Optional<Path> streamedParquet() {
        return streamed == null ? Optional.empty() : streamed.result(profile);
    }

    @Override
    public void close() {
        if (streamed != null) {
            streamed.close();
        }
    }
}
