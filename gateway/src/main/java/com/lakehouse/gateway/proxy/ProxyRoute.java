package com.lakehouse.gateway.proxy;

import java.time.Duration;
import java.util.List;

import com.lakehouse.gateway.GatewayProperties;

/**
 * One gateway route (SPEC §1): requests under {@code /v1<servicePath>} go to {@code upstream} with
 * {@code /v1} stripped, within {@code timeout}.
 *
 * @param servicePath the path on the upstream the route covers, e.g. {@code /storage}
 * @param upstream    where it goes
 * @param timeout     the whole exchange with the upstream must finish within this
 */
public record ProxyRoute(String servicePath, Upstream upstream, Duration timeout) {

    /** The prefix the gateway strips. */
    public static final String EDGE_PREFIX = "/v1";

    /** The route table of SPEC §1 with each route's timeout from {@code [gateway]}. */
    public static List<ProxyRoute> table(GatewayProperties properties, Upstreams upstreams) {
        Duration other = properties.readTimeout();
        return List.of(
                new ProxyRoute("/storage", upstreams.named("storaged"), properties.storageTimeout()),
                new ProxyRoute("/catalog", upstreams.named("catalogd"), other),
                // catalogd's Iceberg REST catalog: engines take http://<gateway>/v1/iceberg as the catalog URI.
                new ProxyRoute("/iceberg", upstreams.named("catalogd"), other),
                new ProxyRoute("/ingest", upstreams.named("ingestd"), properties.ingestTimeout()),
                new ProxyRoute("/sql", upstreams.named("queryd"), properties.sqlTimeout()),
                new ProxyRoute("/vectors", upstreams.named("vectord"), other),
                new ProxyRoute("/embed", upstreams.named("embedd"), other),
                new ProxyRoute("/pathway", upstreams.named("pathway"), other),
                new ProxyRoute("/observer", upstreams.named("observerd"), other),
                new ProxyRoute("/journal", upstreams.named("observerd"), other));
    }

    /** The route's id, e.g. {@code storage}. */
    public String id() {
        return servicePath.substring(1);
    }

    /**
     * The edge pattern: {@code /v1/sql/**} matches {@code /v1/sql} itself and everything below it,
     * but not {@code /v1/sqlx}.
     */
    public String edgePattern() {
        return EDGE_PREFIX + servicePath + "/**";
    }

    /**
     * Whether a raw request path belongs to this route as {@link #edgePattern()} says: the route's
     * path itself or anything below it. No decoding and no normalising: a path that reaches another
     * service only once its dot segments are resolved matches no route, or the route it names first
     * (where {@link ProxyTarget} refuses it).
     */
    public boolean matches(String rawPath) {
        String prefix = EDGE_PREFIX + servicePath;
        return rawPath.startsWith(prefix) && (rawPath.length() == prefix.length() || rawPath.charAt(prefix.length()) == '/');
    }
}
