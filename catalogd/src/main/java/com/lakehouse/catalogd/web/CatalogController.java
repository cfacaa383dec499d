package com.lakehouse.catalogd.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.lakehouse.catalogd.CatalogdProperties;
import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.catalogd.catalog.CatalogQuarantine;
import com.lakehouse.catalogd.catalog.CatalogStats;
import com.lakehouse.catalogd.catalog.RegisterLimits;
import com.lakehouse.catalogd.catalog.Registration;
import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.ManifestVersions;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.concurrent.AdmissionSlots;
import com.lakehouse.shared.error.InvalidRequestException;

/** The routes of SPEC §4; the wire records are the ones {@code CatalogClient} reads. */
@RestController
@RequestMapping("/catalog")
class CatalogController {

    private final Catalog catalog;
    private final RegisterLimits limits;
    private final CatalogQuarantine quarantine;
    private final AdmissionSlots slots;
    private final RegisterBody body;

    CatalogController(Catalog catalog, RegisterLimits limits, CatalogQuarantine quarantine, CatalogdProperties properties) {
        this.catalog = catalog;
        this.limits = limits;
        this.quarantine = quarantine;
        // A slot is taken before the body is read, so a crowd of large registers cannot exhaust the heap.
        this.slots = new AdmissionSlots(properties.maxConcurrentRegisters(), properties.registerWait(), "registers",
                "[catalogd] max_concurrent_registers, register_wait");
        this.body = new RegisterBody(limits);
    }

    /**
     * The body is read here, not by a message converter: a register slot is taken first, and the
     * arrays are counted before any record is built (RegisterBody), so no crowd of large registers
     * can exhaust the heap.
     */
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegisterResponse> register(HttpServletRequest request) {
        RegisterResponse response = slots.run(() -> catalog.register(
                Registration.of(body.read(inputOf(request)), limits), RequestActor.of(request)));
        HttpStatus status = RegisterResponse.CREATED.equals(response.outcome()) ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(response);
    }

    private static InputStream inputOf(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new InvalidRequestException("the register body could not be read: " + e.getClass().getSimpleName());
        }
    }

    @GetMapping("/manifest/{name}")
    DatasetManifest manifest(@PathVariable String name) {
        return catalog.manifest(name);
    }

    @GetMapping("/manifest/{name}/versions")
    ManifestVersions versions(@PathVariable String name) {
        return catalog.versions(name);
    }

    /** The ETag is the catalog_version, so a poller pays a 304 for an unchanged catalog. */
    @GetMapping("/list")
    ResponseEntity<CatalogListing> list(ServletWebRequest request) {
        CatalogListing listing = catalog.list();
        String etag = "\"" + listing.catalogVersion() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(listing);
    }

    /** Answers while loading too: whether the catalog is loaded, and every record set aside by the load. */
    @GetMapping("/stats")
    CatalogStats stats() {
        return catalog.stats(quarantine);
    }

    @DeleteMapping("/manifest/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, HttpServletRequest request) {
        catalog.delete(name, RequestActor.of(request));
        return ResponseEntity.noContent().build();
    }
}
