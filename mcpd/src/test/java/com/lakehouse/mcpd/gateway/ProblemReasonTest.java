package com.lakehouse.mcpd.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ProblemReasonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private String reason(int status, String body) {
        return GatewayClient.ProblemReason.of(status, body.getBytes(StandardCharsets.UTF_8), json);
    }

    @Test
    void takesTheDetailOnOneLine() {
        assertThat(reason(400, "{\"title\":\"Bad Request\",\"detail\":\"Parser Error:\\n  near X\"}"))
                .isEqualTo("bad request (400): Parser Error: near X");
        assertThat(reason(404, "{\"detail\":\"dataset 'x' is not registered\"}")).isEqualTo("not found (404): dataset 'x' is not registered");
        assertThat(reason(403, "{\"detail\":\"COPY is refused\"}")).isEqualTo("refused (403): COPY is refused");
    }

    @Test
    void fallsBackToTheTitleOrTheStatus() {
        assertThat(reason(502, "{\"title\":\"Bad Gateway\"}")).isEqualTo("gateway answered 502: Bad Gateway");
        assertThat(reason(500, "<html>oops</html>")).isEqualTo("gateway answered 500: no detail given");
        assertThat(reason(503, "")).isEqualTo("gateway answered 503: no detail given");
    }

    @Test
    void tellsHowToFixA401() {
        assertThat(reason(401, "{\"detail\":\"missing or invalid bearer token\"}"))
                .startsWith("unauthorized (401)").contains("--token-env").contains("AUTH_TOKEN")
                .endsWith("missing or invalid bearer token");
    }

    @Test
    void boundsLongReasons() {
        assertThat(reason(400, "{\"detail\":\"" + "y".repeat(2000) + "\"}")).hasSize(400).endsWith("…");
    }

    @Test
    void encodesPathSegments() {
        assertThat(GatewayClient.segment("a b/c")).isEqualTo("a%20b%2Fc");
    }
}
