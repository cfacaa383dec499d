package com.lakehouse.shared.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls from one service to another: the base URL (sub-paths kept), the fleet token, JSON in
 * the wire's conventions, and upstream failures turned into the same domain exceptions the caller
 * would raise itself, so a 409 from catalogd reaches ingestd's caller as a 409 with its detail.
 * Unreachable or timed-out upstreams become 503/504, never a 500.
 *
 * <p>One instance per upstream, shared by every request; its {@link HttpClient} pools connections.
 */
public class ServiceClient {

    private final String upstream;
    private final URI baseUrl;
    private final Optional<String> token;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final JsonMapper json = LakehouseJson.mapper();

    /**
     * @param upstream       the upstream's name for messages ({@code storaged})
     * @param baseUrl        e.g. {@code http://127.0.0.1:3211} or {@code http://host/api}
     * @param token          the fleet token sent as {@code Authorization: Bearer}, if any
     * @param requestTimeout the longest one call may take
     */
    public ServiceClient(String upstream, URI baseUrl, Optional<String> token, Duration requestTimeout) {
        this.upstream = upstream;
        this.baseUrl = baseUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public String upstream() {
        return upstream;
    }

    /** The absolute URI of a path (and query) below the base URL; the caller encodes it. */
    public URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    /** A request builder with the token and timeout already set. */
    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(requestTimeout);
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    public <T> T getJson(String pathAndQuery, Class<T> type) {
        HttpResponse<byte[]> response = sendOk(request(pathAndQuery).GET().build());
        return json.readValue(response.body(), type);
    }

    public <T> T getJson(String pathAndQuery, TypeReference<T> type) {
        HttpResponse<byte[]> response = sendOk(request(pathAndQuery).GET().build());
        return json.readValue(response.body(), type);
    }

    public <T> T postJson(String pathAndQuery, Object body, Class<T> type) {
        HttpRequest request = request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        return json.readValue(sendOk(request).body(), type);
    }

    /** Sends and returns a 2xx response; any other status becomes the matching domain exception. */
    public HttpResponse<byte[]> sendOk(HttpRequest request) {
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body());
        }
        return response;
    }

    /** Sends with connection failures and timeouts mapped to 503/504 exceptions. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new UnavailableException(upstream + " did not accept a connection in time", e);
        } catch (HttpTimeoutException e) {
            throw new UpstreamTimeoutException(upstream + " did not answer within " + requestTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new UnavailableException(upstream + " is unreachable", e);
        } catch (IOException e) {
            throw new UnavailableException(upstream + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while calling " + upstream, e);
        }
    }

    /**
     * True for a refusal the upstream would repeat (a 4xx mapped by {@link #failure}); false for
     * unreachable, timed-out or failing upstreams, where a retry may succeed.
     */
    public static boolean isClientError(RuntimeException error) {
        return error instanceof LakehouseException
                && !(error instanceof UnavailableException || error instanceof UpstreamTimeoutException
                        || error instanceof UpstreamFailureException);
    }

    /** The domain exception for an upstream's error status, carrying its problem detail and members. */
    public LakehouseException failure(int status, byte[] body) {
        Map<String, Object> problem = parseProblem(body);
        Object detailValue = problem.remove("detail");
        String detail = detailValue == null ? upstream + " answered " + status : detailValue.toString();
        problem.keySet().removeAll(java.util.List.of("type", "title", "status", "instance"));
        return switch (status) {
            case 400 -> new InvalidRequestException(detail, problem);
            case 403 -> new ForbiddenOperationException(detail, problem);
            case 404 -> new NotFoundException(detail, problem);
            case 409 -> new ConflictException(detail, problem);
            case 413 -> new PayloadTooLargeException(detail, problem);
            case 422 -> new UnprocessableException(detail, problem);
            case 503 -> new UnavailableException(upstream + ": " + detail);
            case 504 -> new UpstreamTimeoutException(upstream + ": " + detail);
            default -> new UpstreamFailureException(upstream + " answered " + status + ": " + detail, problem);
        };
    }

    private Map<String, Object> parseProblem(byte[] body) {
        if (body == null || body.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(json.readValue(body, new TypeReference<Map<String, Object>>() { }));
        } catch (RuntimeException e) {
            return new LinkedHashMap<>();
        }
    }
}
