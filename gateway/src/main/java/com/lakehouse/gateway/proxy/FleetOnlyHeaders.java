package com.lakehouse.gateway.proxy;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpHeaders;

import com.lakehouse.shared.storage.StorageClient;

/**
 * Request fields that only the fleet's own clients may set. storaged keeps upload slots for PUTs
 * that carry {@link StorageClient#SERVICE_HEADER}; a caller from outside the gateway must not reach
 * them by sending the field itself, so the edge drops it before forwarding.
 */
public final class FleetOnlyHeaders {

    private static final Set<String> FLEET_ONLY = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        FLEET_ONLY.add(StorageClient.SERVICE_HEADER);
    }

    private FleetOnlyHeaders() {
    }

    /** Whether {@code name} is one of the fleet's own fields. */
    static boolean isFleetOnly(String name) {
        return FLEET_ONLY.contains(name);
    }

    /** {@code headers} without the fleet's own fields (removed in place); returns it. */
    static HttpHeaders strip(HttpHeaders headers) {
        FLEET_ONLY.forEach(headers::remove);
        return headers;
    }
}
