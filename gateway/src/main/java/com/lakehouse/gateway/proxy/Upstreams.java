package com.lakehouse.gateway.proxy;

import java.util.List;

import com.lakehouse.gateway.GatewayProperties;

/** The eight services behind the gateway, in fleet order, each URL validated at startup. */
public record Upstreams(List<Upstream> all) {

    public Upstreams {
        all = List.copyOf(all);
    }

    public static Upstreams from(GatewayProperties properties) {
        return new Upstreams(List.of(
                Upstream.parse("storaged", "storaged_url", properties.storagedUrl()),
                Upstream.parse("catalogd", "catalogd_url", properties.catalogdUrl()),
                Upstream.parse("ingestd", "ingestd_url", properties.ingestdUrl()),
                Upstream.parse("queryd", "queryd_url", properties.querydUrl()),
                Upstream.parse("vectord", "vectord_url", properties.vectordUrl()),
                Upstream.parse("embedd", "embedd_url", properties.embeddUrl()),
                Upstream.parse("pathway", "pathway_url", properties.pathwayUrl()),
                Upstream.parse("observerd", "observerd_url", properties.observerdUrl())));
    }

    /** The upstream of a fleet name; the route table only names the eight above. */
    public Upstream named(String name) {
        return all.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no upstream named " + name));
    }
}
