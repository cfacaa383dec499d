package com.lakehouse.shared.catalog;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageKeys;

/** catalogd's API (SPEC §4) for ingestd, queryd and observerd. Errors arrive as domain exceptions. */
public class CatalogClient {

    private final ServiceClient http;

    public CatalogClient(ServiceClient http) {
        this.http = http;
    }

    public static CatalogClient create(URI baseUrl, Optional<String> token) {
        return new CatalogClient(new ServiceClient("catalogd", baseUrl, token, Duration.ofSeconds(60)));
    }

    public RegisterResponse register(RegisterRequest request) {
        return http.postJson("/catalog/register", request, RegisterResponse.class);
    }

    public DatasetManifest manifest(String name) {
        return http.getJson("/catalog/manifest/" + StorageKeys.encodeComponent(name), DatasetManifest.class);
    }

    public ManifestVersions versions(String name) {
        return http.getJson("/catalog/manifest/" + StorageKeys.encodeComponent(name) + "/versions", ManifestVersions.class);
    }

    public CatalogListing list() {
        return http.getJson("/catalog/list", CatalogListing.class);
    }

    /**
     * The listing only if it changed since {@code etag} (the ETag of an earlier listing): empty on
     * 304, so a caller can check freshness on every request for the price of a tiny round trip.
     */
    public Optional<Listing> listIfChanged(String etag) {
        var builder = http.request("/catalog/list").GET();
        if (etag != null) {
            builder.header("If-None-Match", etag);
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw http.failure(response.statusCode(), response.body());
        }
        CatalogListing listing = LakehouseJson.mapper().readValue(response.body(), CatalogListing.class);
        return Optional.of(new Listing(listing, response.headers().firstValue("ETag").orElse(null)));
    }

    public void delete(String name) {
        http.sendOk(http.request("/catalog/manifest/" + StorageKeys.encodeComponent(name)).DELETE().build());
    }

    /** A listing with the ETag it came with. */
    public record Listing(CatalogListing listing, String etag) {
    }
}
