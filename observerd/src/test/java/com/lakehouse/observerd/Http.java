package com.lakehouse.observerd;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.TestHttp;

/** observerd's ITs read status and parsed body together; requests go through the shared TestHttp. */
final class Http {

    private Http() {
    }

    record Response(int status, JsonNode body, String text) {
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static Response post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST as one of the fleet's own clients sends it: with X-Lakehouse-Service. */
    static Response postAsService(URI uri, String service, Object body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header(com.lakehouse.shared.storage.StorageClient.SERVICE_HEADER, service)
                .POST(HttpRequest.BodyPublishers.ofString(LakehouseJson.mapper().writeValueAsString(body))));
    }

    static Response post(URI uri, Object body) {
        return post(uri, LakehouseJson.mapper().writeValueAsString(body));
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpResponse<String> response = TestHttp.send(builder);
        return new Response(response.statusCode(), TestHttp.json(response), response.body());
    }
}
