package com.lakehouse.mcpd.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.http.ServiceClient;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to the Lakehouse gateway's {@code /v1} routes with the bearer token. Every failure
 * becomes a {@link GatewayException} whose message is one line: the problem+json {@code detail}
 * of the answering service, or why the gateway did not answer, so a tool can hand it to the model.
 */
public class GatewayClient {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final int MAX_REASON_CHARS = 400;

    private final URI gateway;
    private final ServiceClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param gateway the gateway's base URL, e.g. {@code http://127.0.0.1:3110}
     * @param token   sent as {@code Authorization: Bearer} on every call when present
     * @param timeout the longest one call may take (a query or a big embed batch can be slow)
     */
    public GatewayClient(URI gateway, Optional<String> token, Duration timeout) {
        this.gateway = gateway;
        this.http = new ServiceClient("gateway", gateway, token, timeout);
    }

    /** {@code GET} a JSON object. */
    public Map<String, Object> get(String path) {
        return exchange(http.request(path).GET().build());
    }

    /**
     * {@code GET} a JSON object read as one of the contract's wire records, with the wire's own
     * conventions ({@link LakehouseJson}: snake_case, unknown members ignored).
     */
    public <T> T get(String path, Class<T> type) {
        HttpResponse<byte[]> response = answer(http.request(path).GET().build());
        try {
            return LakehouseJson.mapper().readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new GatewayException(response.statusCode(), "the gateway answered " + response.statusCode()
                    + " with a body that is not a " + type.getSimpleName());
        }
    }

    /** {@code POST} a JSON body and read the JSON object answered. */
    public Map<String, Object> post(String path, Object body) {
        HttpRequest request = http.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        return exchange(request);
    }

    /** One path segment, percent-encoded (a dataset or index name chosen by the model). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Map<String, Object> exchange(HttpRequest request) {
        HttpResponse<byte[]> response = answer(request);
        try {
            return json.readValue(response.body(), OBJECT);
        } catch (JacksonException e) {
            throw new GatewayException(response.statusCode(), "the gateway answered " + response.statusCode()
                    + " with a body that is not a JSON object");
        }
    }

    /** A 2xx answer; any other status is a {@link GatewayException} with the problem's reason. */
    private HttpResponse<byte[]> answer(HttpRequest request) {
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new GatewayException(status, ProblemReason.of(status, response.body(), json));
        }
        return response;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (LakehouseException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new GatewayException(0, "the gateway at " + gateway
                        + " is unreachable (connection refused); start the fleet with ./lakehouse up or pass --gateway");
            }
            throw new GatewayException(0, oneLine(e.getMessage()));
        }
    }

    static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_REASON_CHARS ? flat : flat.substring(0, MAX_REASON_CHARS - 1) + "…";
    }

    /** Reads the reason out of a problem+json (or any) error body. */
    static final class ProblemReason {

        private ProblemReason() {
        }

        static String of(int status, byte[] body, JsonMapper json) {
            Map<String, Object> problem = parse(body, json);
            Object detail = problem.get("detail");
            Object title = problem.get("title");
            String text = detail != null ? detail.toString() : title != null ? title.toString() : "no detail given";
            String prefix = switch (status) {
                case 401 -> "unauthorized (401): the gateway needs a valid bearer token (set it in the variable named by --token-env, default AUTH_TOKEN): ";
                case 403 -> "refused (403): ";
                case 404 -> "not found (404): ";
                case 400 -> "bad request (400): ";
                default -> "gateway answered " + status + ": ";
            };
            return oneLine(prefix + text);
        }

        private static Map<String, Object> parse(byte[] body, JsonMapper json) {
            if (body == null || body.length == 0) {
                return Map.of();
            }
            try {
                return json.readValue(body, OBJECT);
            } catch (JacksonException e) {
                return new LinkedHashMap<>();
            }
        }
    }
}
