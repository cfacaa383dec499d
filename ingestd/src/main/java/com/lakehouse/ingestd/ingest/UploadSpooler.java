package com.lakehouse.ingestd.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.lakehouse.ingestd.convert.ParquetConverter;
import com.lakehouse.ingestd.convert.ParquetStream;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.ingestd.multipart.MultipartFormReader;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.web.RequestBodyTooLargeException;

/**
 * Streams the uploaded file part to disk in one pass that also hashes it and scans it as CSV, so
 * the upload is never held in memory and a bad file is refused as soon as the whole of it is seen.
 */
public final class UploadSpooler {

    private static final int CHUNK_BYTES = 1 << 16;
    /** Chunks in flight between the request thread and the scan: 512 KiB per ingest. */
    private static final int BUFFERS = 8;
    private static final String FILE_PART = "file";

    private final int sampleRows;
    private final long maxIngestBytes;
    private final ParquetConverter converter;

    /** A spooler that only spools: the file is converted after the upload. */
    UploadSpooler(int sampleRows, long maxIngestBytes) {
        this(sampleRows, maxIngestBytes, null);
    }

    /** @param converter converts each upload while it arrives (see {@link ParquetStream}); null for none */
    public UploadSpooler(int sampleRows, long maxIngestBytes, ParquetConverter converter) {
        this.sampleRows = sampleRows;
        this.maxIngestBytes = maxIngestBytes;
        this.converter = converter;
    }

    /**
     * Reads a {@code multipart/form-data} body and spools its {@code file} part; other parts are skipped.
     *
     * @throws InvalidRequestException  when there is no file part, the body is not well-formed
     *                                  multipart, or the file is not valid CSV (naming the line)
     * @throws PayloadTooLargeException when the body passes {@code max_ingest_bytes}
     */
    public SpooledCsv receive(InputStream body, String boundary, IngestWorkspace.Scratch scratch) {
        MultipartFormReader form = new MultipartFormReader(body, boundary);
        SpooledCsv spooled = null;
        boolean received = false;
        try {
            MultipartFormReader.Part part;
            while ((part = form.next()) != null) {
                if (spooled == null && FILE_PART.equals(part.name())) {
                    spooled = spool(part.content(), scratch.csv(), converter == null ? null : converter.stream(scratch.streamedParquet()));
                }
            }
            if (spooled == null) {
                throw new InvalidRequestException("the multipart body has no 'file' part");
            }
            received = true;
            return spooled;
        } catch (RequestBodyTooLargeException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new InvalidRequestException("the upload could not be read to its end (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (!received && spooled != null) {
                spooled.close(); // the parts after the file broke off: its streamed conversion ends here
            }
        }
    }

    /**
     * @throws InvalidRequestException  when the file is not valid CSV (naming the line)
     * @throws PayloadTooLargeException when the body passes {@code max_ingest_bytes}
     */
    SpooledCsv spool(InputStream content, Path target) {
        return spool(content, target, null);
    }

    /**
     * @param stream the conversion fed by the scan during the upload, or null; it is closed here
     *               unless the returned file carries it
     */
    SpooledCsv spool(InputStream content, Path target, ParquetStream stream) {
        MessageDigest sha256 = SchemaFingerprint.sha256();
        long total = 0;
        boolean spooled = false;
        try (ScanWorker scan = new ScanWorker(sampleRows, BUFFERS, CHUNK_BYTES, stream);
                OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                byte[] chunk = scan.take();
                int n = content.readNBytes(chunk, 0, chunk.length);
                if (n == 0) {
                    break;
                }
                out.write(chunk, 0, n);
                sha256.update(chunk, 0, n);
                total += n;
                scan.submit(chunk, n);
                if (scan.failure() != null) {
                    drain(content, new byte[CHUNK_BYTES]);
                    break;
                }
            }
            CsvProfile profile = scan.finish();
            spooled = true;
            return new SpooledCsv(target, HexFormat.of().formatHex(sha256.digest()), total, profile, stream);
        } catch (RequestBodyTooLargeException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new InvalidRequestException("the upload could not be read to its end (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (!spooled && stream != null) {
                stream.close();
            }
        }
    }

    /**
     * Reads the rest of a refused upload (the body cap still applies) so the client, which is
     * still sending, gets the 400 instead of a reset connection.
     */
    private static void drain(InputStream content, byte[] chunk) {
        try {
            while (content.read(chunk, 0, chunk.length) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // the 400 already being thrown says more than a failure to skip the rest
        }
    }

    PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("the upload is larger than max_ingest_bytes (" + maxIngestBytes + " bytes)");
    }
}
