package com.lakehouse.shared.catalog;

import java.net.URI;
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
        return http.getIfNoneMatch("/catalog/list", etag).map(tagged -> new Listing(
                LakehouseJson.mapper().readValue(tagged.body(), CatalogListing.class), tagged.etag()));
    }

    public void delete(String name) {
        http.sendOk(http.request("/catalog/manifest/" + StorageKeys.encodeComponent(name)).DELETE().build());
    }

    /** A listing with the ETag it came with. */
    public record Listing(CatalogListing listing, String etag) {
    }
}
