package com.lakehouse.gateway.health;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.lakehouse.gateway.proxy.Upstream;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * Probes every upstream's {@code /health} at once and waits at most {@code timeout} for all of
 * them, so a dead or hanging service costs one timeout, not one per service, and is named in the
 * answer.
 */
public final class FleetHealth implements AutoCloseable {

    private static final JsonMapper JSON = LakehouseJson.mapper();

    private final List<Upstream> upstreams;
    private final HttpClient client;
    private final Duration timeout;

    public FleetHealth(List<Upstream> upstreams, HttpClient client, Duration timeout) {
        this.upstreams = List.copyOf(upstreams);
        this.client = client;
        this.timeout = timeout;
    }

    /** Every upstream probed at once; completes when the last probe answers or times out. */
    public CompletableFuture<FleetHealthReport> check() {
        Map<String, CompletableFuture<ServiceHealth>> probes = new LinkedHashMap<>();
        for (Upstream upstream : upstreams) {
            probes.put(upstream.name(), probe(upstream));
        }
        return CompletableFuture.allOf(probes.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, ServiceHealth> services = new LinkedHashMap<>();
            probes.forEach((name, probe) -> services.put(name, probe.join()));
            return FleetHealthReport.of(services);
        });
    }

    private CompletableFuture<ServiceHealth> probe(Upstream upstream) {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/health"))
                .timeout(timeout).GET().build();
        // orTimeout backs up the request timeout, which does not cover every stage of the exchange.
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    long latency = (System.nanoTime() - start) / 1_000_000;
                    return error == null ? answered(response, latency) : unreachable(error, latency);
                });
    }

    private static ServiceHealth answered(HttpResponse<byte[]> response, long latency) {
        JsonNode body = body(response);
        String status = body.path("status").asString(null);
        String version = body.path("version").asString(null);
        if (response.statusCode() == 200 && ServiceHealth.OK.equals(status)) {
            return new ServiceHealth(ServiceHealth.OK, latency, version, null);
        }
        if (response.statusCode() == 200 && ServiceHealth.DEGRADED.equals(status)) {
            // Up and serving, with records set aside at start-up: say how many, so an operator looks.
            return new ServiceHealth(ServiceHealth.DEGRADED, latency, version,
                    "records quarantined at start-up: " + body.path("quarantined").asLong(0));
        }
        return new ServiceHealth(ServiceHealth.ERROR, latency, version,
                "/health answered HTTP " + response.statusCode() + (status == null ? "" : " with status " + status));
    }

    /** The answer as JSON; a body that is not JSON reads as empty and so as an unhealthy answer. */
    private static JsonNode body(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }

    /** Drops probes still in flight; the client is this checker's own. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private ServiceHealth unreachable(Throwable error, long latency) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        String reason;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            reason = "no answer within " + timeout.toMillis() + "ms";
        } else if (cause instanceof ConnectException) {
            reason = "connection refused";
        } else {
            reason = "unreachable (" + cause.getClass().getSimpleName() + ")";
        }
        return new ServiceHealth(ServiceHealth.DOWN, latency, null, reason);
    }
}
