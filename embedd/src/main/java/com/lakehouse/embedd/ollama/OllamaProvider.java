package com.lakehouse.embedd.ollama;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.lakehouse.embedd.embedding.EmbeddingProvider;
import com.lakehouse.embedd.embedding.ModelInfo;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * The {@code ollama} provider: one {@code POST /api/embed} per list of texts (Ollama's batch
 * endpoint), so a request's cache misses cost one round trip, not one per text. Ollama's own error
 * text is passed on in a 502; no answer within the batch timeout is a 504.
 */
public final class OllamaProvider implements EmbeddingProvider {

    private static final int MAX_ERROR_CHARS = 500;

    private final URI embedUri;
    private final ModelInfo model;
    private final HttpClient http;
    private final JsonMapper json = LakehouseJson.mapper();

    public OllamaProvider(URI baseUrl, String model, int dimension, HttpClient http) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.embedUri = URI.create(base + "/api/embed");
        this.model = new ModelInfo(model, dimension, "ollama");
        this.http = http;
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(model);
    }

    @Override
    public List<float[]> embed(ModelInfo requested, List<String> texts, Duration timeout) {
        byte[] body = json.writeValueAsBytes(new OllamaWire.EmbedRequest(requested.name(), texts));
        HttpRequest request = HttpRequest.newBuilder(embedUri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = send(request, texts.size(), timeout);
        if (response.statusCode() != 200) {
            throw new UpstreamFailureException("ollama answered " + response.statusCode() + ": " + errorText(response),
                    Map.of("upstream", "ollama", "upstream_status", response.statusCode()));
        }
        return vectors(response.body(), requested, texts.size());
    }

    /** The whole exchange, body included, is bounded by the timeout: a server that stalls mid-body is a 504 too. */
    private HttpResponse<byte[]> send(HttpRequest request, int count, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(count, timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(count, timeout);
            }
            if (cause instanceof ConnectException) {
                throw new UpstreamFailureException("ollama is unreachable at " + embedUri.resolve("/"),
                        Map.of("upstream", "ollama"));
            }
            throw new UpstreamFailureException("ollama request failed: " + describe(cause), Map.of("upstream", "ollama"));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnavailableException("embedd is shutting down");
        }
    }

    private List<float[]> vectors(byte[] body, ModelInfo requested, int expected) {
        OllamaWire.EmbedResponse parsed;
        try {
            parsed = json.readValue(body, OllamaWire.EmbedResponse.class);
        } catch (JacksonException e) {
            throw new UpstreamFailureException("ollama answered with an unreadable body", Map.of("upstream", "ollama"));
        }
        List<float[]> embeddings = parsed == null ? null : parsed.embeddings();
        if (embeddings == null || embeddings.size() != expected) {
            throw new UpstreamFailureException("ollama returned " + (embeddings == null ? 0 : embeddings.size())
                    + " embeddings for " + expected + " texts", Map.of("upstream", "ollama"));
        }
        for (float[] vector : embeddings) {
            if (vector == null || vector.length != requested.dimension()) {
                throw new UpstreamFailureException("ollama returned a " + (vector == null ? 0 : vector.length)
                        + "-d vector; " + requested.name() + " is configured as " + requested.dimension() + "-d",
                        Map.of("upstream", "ollama"));
            }
        }
        return embeddings;
    }

    /** Ollama's {@code error} member when the body has one, else the start of the body. */
    private String errorText(HttpResponse<byte[]> response) {
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        try {
            OllamaWire.ErrorResponse error = json.readValue(raw, OllamaWire.ErrorResponse.class);
            if (error != null && error.error() != null && !error.error().isBlank()) {
                return clip(error.error());
            }
        } catch (JacksonException e) {
            // Not JSON (a proxy's HTML page, say): the raw text below says more than a parse error.
        }
        return raw.isBlank() ? "(empty body)" : clip(raw.strip());
    }

    private static UpstreamTimeoutException timedOut(int count, Duration timeout) {
        return new UpstreamTimeoutException("ollama did not embed " + count + " texts within batch_timeout "
                + timeout.toMillis() + " ms", Map.of("upstream", "ollama"));
    }

    private static String describe(Throwable cause) {
        return cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
