package com.lakehouse.storaged.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.shared.concurrent.AdmissionSlots;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.storage.Etags;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.storaged.store.ByteRange;
import com.lakehouse.storaged.store.ObjectKey;
import com.lakehouse.storaged.store.ObjectMeta;
import com.lakehouse.storaged.store.ObjectStore;
import com.lakehouse.storaged.store.ObjectUploader;
import com.lakehouse.storaged.store.PrefixOwnership;
import com.lakehouse.storaged.store.PutCaps;
import com.lakehouse.storaged.store.PutResult;
import com.lakehouse.storaged.store.PutSlots;
import com.lakehouse.storaged.store.RangeNotSatisfiableException;
import com.lakehouse.storaged.store.UploadPace;

/**
 * {@code /storage/object/{key}} (SPEC §3). The key may contain '/', so the route is a wildcard and
 * the key is decoded from the raw request path by {@link ObjectKey}, byte for byte.
 */
@RestController
public class ObjectController {

    public static final String ROUTE = "/storage/object/";
    public static final int COPY_BUFFER_BYTES = 128 * 1024;

    private final ObjectUploader uploader;
    private final ObjectStore store;
    private final PutSlots slots;
    private final PutCaps caps;
    private final UploadPace pace;

    ObjectController(ObjectUploader uploader, ObjectStore store, PutSlots slots, PutCaps caps, UploadPace pace) {
        this.uploader = uploader;
        this.store = store;
        this.slots = slots;
        this.caps = caps;
        this.pace = pace;
    }

    @PutMapping(ROUTE + "**")
    PutResult put(HttpServletRequest request) throws IOException {
        ObjectKey key = keyOf(request);
        PrefixOwnership.checkMayChange(key, request.getHeader(StorageClient.SERVICE_HEADER), "PUT");
        long cap = caps.capFor(key);
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            // Refused before a byte of the body is read (with Expect: 100-continue, before it is even sent).
            throw new PayloadTooLargeException("Content-Length " + declared + " exceeds the cap of " + cap
                    + " bytes for this key", Map.of("max_bytes", cap));
        }
        boolean fromFleet = request.getHeader(StorageClient.SERVICE_HEADER) != null;
        try (AdmissionSlots.Slot slot = slots.acquire(fromFleet)) {
            return uploader.upload(key, pace.pace(request.getInputStream()), declared, cap);
        }
    }

    @GetMapping(ROUTE + "**")
    void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectKey key = keyOf(request);
        Optional<ByteRange> range = Optional.empty();
        long size = -1;
        Optional<ByteRange.Request> requested = ByteRange.parse(request.getHeader(HttpHeaders.RANGE));
        if (requested.isPresent()) {
            size = store.head(key).size();
            range = requested.get().resolve(size);
            if (range.isEmpty()) {
                throw new RangeNotSatisfiableException(size);
            }
        }
        try (ObjectStore.Download download = store.open(key, range)) {
            describe(response, download.meta());
            if (range.isPresent()) {
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, range.get().contentRange(size));
            }
            copy(download, response);
        }
    }

    @RequestMapping(path = ROUTE + "**", method = RequestMethod.HEAD)
    void head(HttpServletRequest request, HttpServletResponse response) {
        describe(response, store.head(keyOf(request)));
    }

    @DeleteMapping(ROUTE + "**")
    ResponseEntity<Void> delete(HttpServletRequest request) {
        ObjectKey key = keyOf(request);
        PrefixOwnership.checkMayChange(key, request.getHeader(StorageClient.SERVICE_HEADER), "DELETE");
        store.delete(key);
        return ResponseEntity.noContent().build();
    }

    static ObjectKey keyOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ROUTE)) {
            throw new InvalidRequestException("object routes are " + ROUTE + "{key}");
        }
        return ObjectKey.fromRawPath(path.substring(ROUTE.length()));
    }

    private static void describe(HttpServletResponse response, ObjectMeta meta) {
        // The body is bytes (SPEC §3); a client's Content-Type on PUT is not kept (curl's default form type would mislead).
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(meta.size());
        response.setHeader(HttpHeaders.ETAG, Etags.quote(meta.etag()));
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (meta.lastModified() != null) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, meta.lastModified().toEpochMilli());
        }
    }

    /**
     * Streams S3's bytes to the client through one small buffer. A client that goes away stops the
     * read from S3 at once; S3 failing mid-body can only cut the response short (the status is sent).
     */
    private static void copy(ObjectStore.Download download, HttpServletResponse response) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        InputStream in = download.stream();
        OutputStream out = response.getOutputStream();
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException clientGone) {
                download.abort();
                return;
            }
        }
    }
}
