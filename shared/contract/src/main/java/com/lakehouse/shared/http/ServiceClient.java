package com.lakehouse.shared.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
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
 * <p>One instance per upstream, shared by every request. Every GET ({@link #getJson},
 * {@link #openStream}, {@link #getIfNoneMatch}) goes over the JDK's blocking, keep-alive pooled
 * {@link HttpURLConnection}: on a fresh JVM it moved 112 MB from storaged in 0.35-0.39 s where
 * {@link HttpClient}'s asynchronous pipeline took 1.1-1.3 s, and its selector thread and hand-offs
 * cost about 1 ms of CPU on each small call. Writes (POST, PUT, DELETE) stay on {@link HttpClient},
 * which reads an upstream's early answer (storaged's 413 for a body over its cap) while the body
 * is still being sent; {@link HttpURLConnection} cannot once writing the body failed.
 */
public class ServiceClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

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
        // HTTP/1.1 outright: the fleet's servers speak nothing else, and the JDK's default (HTTP/2)
        // offers every plain-http GET an h2c upgrade that is only ever declined.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
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
        return json.readValue(getBytes(pathAndQuery), type);
    }

    public <T> T getJson(String pathAndQuery, TypeReference<T> type) {
        return json.readValue(getBytes(pathAndQuery), type);
    }

    /** The whole 200 body of a GET; for small bodies. */
    public byte[] getBytes(String pathAndQuery) {
        try (InputStream body = openStream(pathAndQuery)) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw blockingFailure(e);
        }
    }

    public <T> T postJson(String pathAndQuery, Object body, Class<T> type) {
        HttpRequest request = request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        return json.readValue(sendOk(request).body(), type);
    }

    /**
     * A POST of a small JSON body over the blocking, keep-alive pooled {@link HttpURLConnection}
     * that the GETs use, for calls made inside another request (queryd's embed and search in a
     * {@code vector_search}), where the {@link HttpClient}'s asynchronous pipeline adds its selector
     * thread and hand-offs (about 1 ms of CPU per small call, as for the GETs above) to the
     * statement's time. Unlike {@link #postJson}, an answer the upstream sends before it has read
     * the whole body is not read, so this is for bodies no upstream refuses for their size.
     */
    public <T> T postSmallJson(String pathAndQuery, Object body, Class<T> type) {
        byte[] bytes = json.writeValueAsBytes(body);
        HttpURLConnection connection = open(pathAndQuery);
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(bytes.length);
        connection.setRequestProperty("Content-Type", "application/json");
        connect(connection);
        try {
            try (var out = connection.getOutputStream()) {
                out.write(bytes);
            }
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                throw failure(status, errorBody(connection));
            }
            try (InputStream in = connection.getInputStream()) {
                return json.readValue(in.readAllBytes(), type);
            }
        } catch (IOException e) {
            throw blockingFailure(e);
        }
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
     * A GET whose body the caller reads as it arrives and closes. Any status but 200 becomes the
     * matching domain exception, as in {@link #sendOk}; the timeout bounds each silence of the
     * upstream, not the whole transfer.
     */
    public InputStream openStream(String pathAndQuery) {
        HttpURLConnection connection = get(pathAndQuery, null);
        try {
            return new TimeoutMappingStream(connection.getInputStream());
        } catch (IOException e) {
            throw blockingFailure(e);
        }
    }

    /** A body with the ETag it came with. */
    public record Tagged(byte[] body, String etag) {
    }

    /**
     * A conditional GET: empty when the upstream answers 304 to {@code If-None-Match: etag} (any
     * ETag when {@code etag} is null), else the 200 body and its ETag. Meant for a freshness check
     * on every request (queryd's catalog check before each query).
     */
    public Optional<Tagged> getIfNoneMatch(String pathAndQuery, String etag) {
        HttpURLConnection connection = get(pathAndQuery, etag);
        try (InputStream body = connection.getInputStream()) {
            byte[] bytes = body.readAllBytes();
            return connection.getResponseCode() == 304 ? Optional.empty()
                    : Optional.of(new Tagged(bytes, connection.getHeaderField("ETag")));
        } catch (IOException e) {
            throw blockingFailure(e);
        }
    }

    /**
     * Sends a GET over the blocking connection and returns it with its status read: 200, or 304
     * when {@code ifNoneMatch} was given. Any other status becomes the matching domain exception.
     */
    private HttpURLConnection get(String pathAndQuery, String ifNoneMatch) {
        HttpURLConnection connection = open(pathAndQuery);
        if (ifNoneMatch != null) {
            connection.setRequestProperty("If-None-Match", ifNoneMatch);
        }
        int status;
        connect(connection);
        try {
            status = connection.getResponseCode();
        } catch (IOException e) {
            throw blockingFailure(e);
        }
        if (status != 200 && !(status == 304 && ifNoneMatch != null)) {
            throw failure(status, errorBody(connection));
        }
        return connection;
    }

    /** A blocking connection to {@code pathAndQuery}, with the client's timeouts and token, not yet connected. */
    private HttpURLConnection open(String pathAndQuery) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri(pathAndQuery).toURL().openConnection();
        } catch (IOException e) {
            throw blockingFailure(e);
        }
        configure(connection);
        return connection;
    }

    /** Connects (or takes a kept-alive connection), a refusal or a timeout mapped as every call maps them. */
    private void connect(HttpURLConnection connection) {
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw new UnavailableException(upstream + " did not accept a connection in time", e);
        } catch (IOException e) {
            throw blockingFailure(e);
        }
    }

    private void configure(HttpURLConnection connection) {
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        token.ifPresent(t -> connection.setRequestProperty("Authorization", "Bearer " + t));
    }

    private static byte[] errorBody(HttpURLConnection connection) {
        try (InputStream error = connection.getErrorStream()) {
            return error == null ? new byte[0] : error.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private LakehouseException blockingFailure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new UpstreamTimeoutException(upstream + " was silent for " + requestTimeout.toMillis() + " ms", e);
        }
        if (e instanceof ConnectException) {
            return new UnavailableException(upstream + " is unreachable", e);
        }
        return new UnavailableException(upstream + " failed: " + e.getClass().getSimpleName(), e);
    }

    /** A streamed body whose stalls surface as the same 504 as any other upstream timeout. */
    private final class TimeoutMappingStream extends FilterInputStream {

        TimeoutMappingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SocketTimeoutException e) {
                throw blockingFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw blockingFailure(e);
            }
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
