package com.lakehouse.shared.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Key prefixes that fleet services own in storage (SPEC §3, issue 20). storaged refuses a PUT or
 * DELETE under one of them unless {@link StorageClient#SERVICE_HEADER} names an owner; the gateway
 * strips that header from outside requests, so {@code /v1/storage} can read these objects but
 * never change them.
 */
public final class OwnedPrefixes {

    /** Prefix → the services that write under it. */
    public static final Map<String, Set<String>> OWNERS;

    static {
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        owners.put("_catalog/", Set.of("catalogd"));
        owners.put("_vectors/", Set.of("vectord"));
        owners.put("journal/", Set.of("observerd"));
        // ingestd's Parquet objects, and catalogd's Iceberg metadata beside them
        owners.put("datasets/", Set.of("ingestd", "catalogd"));
        OWNERS = Map.copyOf(owners);
    }

    private OwnedPrefixes() {
    }

    /** The owned prefix {@code key} falls under, if any. */
    public static Optional<String> prefixOf(String key) {
        return OWNERS.keySet().stream().filter(key::startsWith).findFirst();
    }

    /** True when {@code caller} (the header's value, possibly null) may change {@code key}. */
    public static boolean mayChange(String key, String caller) {
        return prefixOf(key).map(prefix -> caller != null && OWNERS.get(prefix).contains(caller)).orElse(true);
    }
}
