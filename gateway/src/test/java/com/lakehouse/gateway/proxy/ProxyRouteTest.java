package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.lakehouse.gateway.GatewayProperties;

class ProxyRouteTest {

    private static GatewayProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("lakehouse.gateway", GatewayProperties.class);
    }

    @Test
    void theTableIsSpecSectionOneWithEachRoutesTimeout() {
        GatewayProperties p = properties(Map.of());
        List<ProxyRoute> table = ProxyRoute.table(p, Upstreams.from(p));
        Map<String, String> upstreamByPattern = new LinkedHashMap<>();
        table.forEach(r -> upstreamByPattern.put(r.edgePattern(), r.upstream().name()));
        assertThat(upstreamByPattern).containsExactly(
                Map.entry("/v1/storage/**", "storaged"), Map.entry("/v1/catalog/**", "catalogd"),
                Map.entry("/v1/iceberg/**", "catalogd"),
                Map.entry("/v1/ingest/**", "ingestd"), Map.entry("/v1/sql/**", "queryd"),
                Map.entry("/v1/vectors/**", "vectord"), Map.entry("/v1/embed/**", "embedd"),
                Map.entry("/v1/pathway/**", "pathway"), Map.entry("/v1/observer/**", "observerd"),
                Map.entry("/v1/journal/**", "observerd"));
        Map<String, Duration> timeoutById = new LinkedHashMap<>();
        table.forEach(r -> timeoutById.put(r.id(), r.timeout()));
        assertThat(timeoutById).containsEntry("storage", p.storageTimeout()).containsEntry("ingest", p.ingestTimeout())
                .containsEntry("sql", p.sqlTimeout()).containsEntry("catalog", p.readTimeout())
                .containsEntry("iceberg", p.readTimeout())
                .containsEntry("embed", p.readTimeout()).containsEntry("journal", p.readTimeout());
    }

    @Test
    void upstreamsKeepASubPathWithoutItsTrailingSlash() {
        Upstreams upstreams = Upstreams.from(properties(Map.of("lakehouse.gateway.pathway_url", "http://127.0.0.1:9/api/")));
        assertThat(upstreams.named("pathway").baseUrl().toString()).isEqualTo("http://127.0.0.1:9/api");
        assertThat(upstreams.all()).extracting(Upstream::name).containsExactly("storaged", "catalogd", "ingestd",
                "queryd", "vectord", "embedd", "pathway", "observerd");
    }

    @Test
    void anUpstreamWithoutSchemeOrHostFailsNamingItsKey() {
        assertThatThrownBy(() -> Upstreams.from(properties(Map.of("lakehouse.gateway.storaged_url", "localhost:3211"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[gateway] storaged_url");
        assertThatThrownBy(() -> Upstreams.from(properties(Map.of("lakehouse.gateway.observerd_url", "127.0.0.1:3218"))))
                .hasMessageContaining("[gateway] observerd_url");
        assertThatThrownBy(() -> Upstreams.from(properties(Map.of("lakehouse.gateway.embedd_url", "http:///x"))))
                .hasMessageContaining("[gateway] embedd_url");
    }
}
