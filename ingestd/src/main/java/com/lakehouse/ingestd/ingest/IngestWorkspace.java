package com.lakehouse.ingestd.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.files.FileTrees;

/**
 * The directories under {@code data_dir}: {@code work/} holds one directory per ingest in flight
 * (the spooled CSV and the Parquet made from it), {@code duckdb_tmp/} is DuckDB's spill space.
 * Both are scratch: whatever a crash left there is deleted at startup.
 */
public final class IngestWorkspace {

    private static final Log LOG = LogFactory.getLog(IngestWorkspace.class);

    private final Path work;
    private final Path duckdbTemp;

    public IngestWorkspace(Path dataDir) {
        this.work = dataDir.resolve("work");
        this.duckdbTemp = dataDir.resolve("duckdb_tmp");
        try {
            FileTrees.deleteTree(work);
            FileTrees.deleteTree(duckdbTemp);
            Files.createDirectories(work);
            Files.createDirectories(duckdbTemp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the ingestd data directory: " + e.getMessage(), e);
        }
    }

    public Path duckdbTemp() {
        return duckdbTemp;
    }

    /** A fresh directory for one ingest; the caller closes it, which deletes it. */
    public Scratch open() {
        Path dir = work.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool directory: " + e.getMessage(), e);
        }
        return new Scratch(dir);
    }

    /** One ingest's scratch directory. */
    public static final class Scratch implements AutoCloseable {
        private final Path dir;

        Scratch(Path dir) {
            this.dir = dir;
        }

        public Path csv() {
            return dir.resolve("upload.csv");
        }

        public Path parquet() {
            return dir.resolve("converted.parquet");
        }

        /** Where the conversion that runs during the upload writes. */
        public Path streamedParquet() {
            return dir.resolve("streamed.parquet");
        }

        @Override
        public void close() {
            try {
                FileTrees.deleteTree(dir);
            } catch (IOException e) {
                LOG.warn("cannot delete an ingest scratch directory: " + e.getClass().getSimpleName());
            }
        }
    }
}
