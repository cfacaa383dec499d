package com.lakehouse.ingestd.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.lakehouse.ingestd.convert.ParquetStream;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.ingestd.csv.CsvScanner;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Runs the CSV scan on a thread of its own while the request thread reads the upload, writes it to
 * disk and hashes it, so on two cores the spool takes about as long as the slower of the two
 * halves rather than their sum. Chunks travel through a small ring of reused buffers, which also
 * bounds the memory in flight to {@code buffers x bufferBytes}.
 */
final class ScanWorker implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<byte[]> full;
    private final BlockingQueue<Integer> lengths;
    private final CsvScanner scanner;
    private final Thread thread;
    private final ParquetStream stream;
    private volatile RuntimeException failure;
    private CsvProfile profile;
    private boolean finished;

    /** @param stream the conversion the scanned values feed, or null for none */
    ScanWorker(int sampleRows, int buffers, int bufferBytes, ParquetStream stream) {
        this.stream = stream;
        this.scanner = new CsvScanner(sampleRows, stream);
        this.free = new ArrayBlockingQueue<>(buffers);
        this.full = new ArrayBlockingQueue<>(buffers + 1);
        this.lengths = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferBytes]);
        }
        this.thread = Thread.ofPlatform().name("ingestd-csv-scan").daemon().start(this::run);
    }

    /** A buffer to fill; waits while the scan is behind. */
    byte[] take() {
        return uninterruptibly(free::take);
    }

    /** Hands a filled buffer to the scan (the caller must not touch it again). */
    void submit(byte[] buffer, int length) {
        lengths.add(length);
        full.add(buffer);
    }

    /** The scan's refusal so far, if any: the caller stops spooling at once. */
    RuntimeException failure() {
        return failure;
    }

    /**
     * Ends the input and waits for the scan's verdict.
     *
     * @throws InvalidRequestException when the file is not valid CSV
     */
    CsvProfile finish() {
        full.add(END);
        lengths.add(0);
        join();
        finished = true;
        if (failure != null) {
            if (stream != null) {
                stream.abandon("the file was refused");
            }
            throw failure;
        }
        if (stream != null) {
            stream.complete();
        }
        return profile;
    }

    private void join() {
        uninterruptibly(() -> {
            thread.join();
            return null;
        });
    }

    private void run() {
        while (true) {
            byte[] buffer = uninterruptibly(full::take);
            int length = uninterruptibly(lengths::take);
            if (buffer == END) {
                break;
            }
            if (failure == null) {
                try {
                    scanner.feed(buffer, 0, length);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    // Keep returning buffers, or the request thread would wait for one forever.
                    failure = new IllegalStateException("the CSV scan failed", e);
                }
            }
            free.add(buffer);
        }
        if (failure == null) {
            try {
                profile = scanner.finish();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /**
     * Stops the thread if the caller gave up half-way (an I/O error on the upload), and with it
     * the stream: the scan's thread is gone before the stream hears of it.
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        if (thread.isAlive()) {
            full.offer(END);
            lengths.offer(0);
            join();
        }
        if (stream != null) {
            stream.abandon("the upload broke off");
        }
    }

    private interface Blocking<T> {
        T get() throws InterruptedException;
    }

    private static <T> T uninterruptibly(Blocking<T> call) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return call.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
