package com.lakehouse.observerd.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.http.LakehouseJson;

/**
 * Appends observer events to a JSONL file. A failure (unwritable directory, full disk) is counted and
 * logged, never thrown (ADR-005 §5.1): the ring stays the in-flight source of truth, and the next
 * event tries the file again, so persistence resumes by itself once the directory is fixed.
 */
public class EventLog implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(EventLog.class);

    private final Path file;
    private final AtomicLong errors = new AtomicLong();
    private OutputStream out;

    public EventLog(Path file) {
        this.file = file;
    }

    /** Appends one line; never throws. */
    public synchronized void append(ObservedEvent event) {
        try {
            // One write per line, so lines from a crash-interrupted run never run into the next line.
            byte[] json = LakehouseJson.mapper().writeValueAsBytes(event);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            OutputStream stream = stream();
            stream.write(line);
            stream.flush();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            long n = errors.incrementAndGet();
            // One line per burst of failures, not one per event: an unwritable directory under load
            // must not flood the log it is reported in.
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("observer: cannot persist events to " + file.getFileName() + " (" + e.getClass().getSimpleName()
                        + "); " + n + " event(s) not persisted so far, the ring still holds them");
            }
        }
    }

    public long errors() {
        return errors.get();
    }

    private OutputStream stream() throws IOException {
        if (out == null) {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        }
        return out;
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the stream is abandoned either way; the next append reopens the file
            }
            out = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
