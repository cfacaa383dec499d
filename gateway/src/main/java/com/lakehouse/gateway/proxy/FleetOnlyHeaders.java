package com.lakehouse.gateway.proxy;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

import com.lakehouse.shared.storage.StorageClient;

/**
 * Request fields that only the fleet's own clients may set. storaged keeps upload slots for PUTs
 * that carry {@link StorageClient#SERVICE_HEADER}; a caller from outside the gateway must not reach
 * them by sending the field itself, so the edge drops it before forwarding.
 */
public final class FleetOnlyHeaders implements RequestHttpHeadersFilter, Ordered {

    private static final Set<String> FLEET_ONLY = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        FLEET_ONLY.add(StorageClient.SERVICE_HEADER);
    }

    /** A copy of {@code input} without the fleet's own fields. */
    static HttpHeaders strip(HttpHeaders input) {
        HttpHeaders out = new HttpHeaders();
        for (var entry : input.headerSet()) {
            if (!FLEET_ONLY.contains(entry.getKey())) {
                out.addAll(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        return strip(input);
    }

    @Override
    public int getOrder() {
        return HopByHopHeaders.ORDER + 1;
    }
}
