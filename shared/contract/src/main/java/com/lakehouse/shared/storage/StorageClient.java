package com.lakehouse.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.http.ServiceClient;

/**
 * Object I/O through storaged (SPEC §3) for every other service: only storaged holds S3
 * credentials. Files stream in both directions; nothing here holds a large object in memory
 * except {@link #getBytes}, which is for small objects (manifests, commit points).
 */
public class StorageClient {

    private static final String OBJECT = "/storage/object/";

    /**
     * Sent on every PUT and DELETE, naming the calling service: the fleet's own writes take upload
     * slots that outside uploads (which come through the gateway without it) cannot hold
     * (storaged's {@code fleet_put_slots}), and only the owner of a prefix may change keys under
     * it ({@link OwnedPrefixes}).
     */
    public static final String SERVICE_HEADER = "X-Lakehouse-Service";

    /** The caller name of a client that owns no prefix (tools, tests). */
    public static final String ANY_FLEET_CALLER = "fleet";

    private final ServiceClient http;
    private final String caller;

    /** A client that owns no prefix ({@link #ANY_FLEET_CALLER}): a service writing its own state passes its id. */
    public StorageClient(ServiceClient http) {
        this(http, ANY_FLEET_CALLER);
    }

    /** A client whose writes are those of service {@code caller} (its FleetService id). */
    public StorageClient(ServiceClient http, String caller) {
        this.http = http;
        this.caller = caller;
    }

    /** A client for storaged at {@code baseUrl}; transfers may take long, so the timeout is generous. */
    public static StorageClient create(URI baseUrl, Optional<String> token, String caller) {
        return new StorageClient(new ServiceClient("storaged", baseUrl, token, Duration.ofMinutes(30)), caller);
    }

    /** As {@link #create(URI, Optional, String)} for a caller that owns no prefix. */
    public static StorageClient create(URI baseUrl, Optional<String> token) {
        return create(baseUrl, token, ANY_FLEET_CALLER);
    }

    public StoredObject put(String key, Path file) {
        try {
            return put(key, HttpRequest.BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    public StoredObject put(String key, byte[] bytes) {
        return put(key, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private StoredObject put(String key, HttpRequest.BodyPublisher body) {
        HttpRequest request = http.request(OBJECT + StorageKeys.encodePath(key))
                .header("Content-Type", "application/octet-stream")
                .header(SERVICE_HEADER, caller)
                .PUT(body).build();
        return LakehouseJson.mapper().readValue(http.sendOk(request).body(), StoredObject.class);
    }

    /** The whole object in memory; for small objects only. Missing → {@link NotFoundException}. */
    public byte[] getBytes(String key) {
        return http.getBytes(OBJECT + StorageKeys.encodePath(key));
    }

    /** The object's bytes as a stream the caller closes. Missing → {@link NotFoundException}. */
    public InputStream open(String key) {
        return http.openStream(OBJECT + StorageKeys.encodePath(key));
    }

    /** Streams the object into {@code target} through a temporary sibling, so a reader never sees half a file. */
    public void download(String key, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = open(key)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + key, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a leftover .partial is overwritten by the next download
            }
        }
    }

    public Optional<StoredObject> head(String key) {
        HttpResponse<Void> response = http.send(http.request(OBJECT + StorageKeys.encodePath(key))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw http.failure(response.statusCode(), new byte[0]);
        }
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        // Headers quote the ETag as HTTP requires; JSON bodies (put, list) carry it bare.
        String etag = response.headers().firstValue("ETag").map(Etags::unquote).orElse(null);
        return Optional.of(new StoredObject(key, size, etag, response.headers().firstValue("Last-Modified").orElse(null)));
    }

    /** Deletes; an absent key is not an error. */
    public void delete(String key) {
        http.sendOk(http.request(OBJECT + StorageKeys.encodePath(key)).header(SERVICE_HEADER, caller).DELETE().build());
    }

    public ObjectPage list(String prefix, String after, int limit) {
        StringBuilder query = new StringBuilder("/storage/list?limit=").append(limit);
        if (prefix != null && !prefix.isEmpty()) {
            query.append("&prefix=").append(StorageKeys.encodeComponent(prefix));
        }
        if (after != null && !after.isEmpty()) {
            query.append("&after=").append(StorageKeys.encodeComponent(after));
        }
        return http.getJson(query.toString(), ObjectPage.class);
    }

    /** Every object under the prefix, page by page. */
    public List<StoredObject> listAll(String prefix) {
        List<StoredObject> all = new ArrayList<>();
        String after = null;
        while (true) {
            ObjectPage page = list(prefix, after, 1000);
            all.addAll(page.objects());
            if (!page.truncated() || page.next() == null) {
                return all;
            }
            after = page.next();
        }
    }
}
