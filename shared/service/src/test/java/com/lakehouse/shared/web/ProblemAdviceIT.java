package com.lakehouse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.lakehouse.shared.testapp.TestServiceApplication;
import com.lakehouse.shared.testing.TestHttp;

/** SPEC §2 error shapes over real HTTP: every failure is problem+json, none leaks internals. */
class ProblemAdviceIT {

    private static ConfigurableApplicationContext context;
    private static String base;

    @BeforeAll
    static void boot() {
        context = TestServiceApplication.start("--lakehouse.catalogd.max_body_bytes=64");
        base = "http://127.0.0.1:" + TestServiceApplication.port(context);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void healthNamesTheService() {
        HttpResponse<String> response = TestHttp.get(base + "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"service\":\"catalogd\"").contains("\"version\"");
    }

    @Test
    void wellFormedJsonRoundTripsInSnakeCase() {
        HttpResponse<String> response = TestHttp.post(base + "/echo", "{\"text\":\"hi\",\"count\":2}", "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"text\":\"hi\",\"count\":2}");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(TestHttp.post(base + "/echo", "{\"text\": ", "Content-Type", "application/json"), 400);
    }

    @Test
    void aDeclaredBodyOverTheCapIs413BeforeParsing() {
        String big = "{\"text\":\"" + "x".repeat(200) + "\",\"count\":1}";
        assertProblem(TestHttp.post(base + "/echo", big, "Content-Type", "application/json"), 413);
    }

    @Test
    void aChunkedBodyOverTheCapIs413() {
        String big = "{\"text\":\"" + "x".repeat(200) + "\",\"count\":1}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())));

        assertProblem(TestHttp.send(request), 413);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        assertProblem(TestHttp.get(base + "/no/such/route"), 404);
        assertProblem(TestHttp.send(HttpRequest.newBuilder(URI.create(base + "/health")).DELETE()), 405);
    }

    @Test
    void domainExceptionsCarryTheirStatusAndDetails() {
        HttpResponse<String> response = TestHttp.get(base + "/conflict");

        assertProblem(response, 409);
        assertThat(response.body()).contains("\"detail\":\"schema differs\"").contains("\"existing\":\"a BIGINT\"");
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        HttpResponse<String> response = TestHttp.get(base + "/boom");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("/home/someone").doesNotContain("IllegalStateException")
                .doesNotContain("at com.");
    }

    @Test
    void theContainersOwnErrorsAreProblemsToo() {
        HttpResponse<String> response = TestHttp.get(base + "/container-error");

        assertProblem(response, 408);
        assertThat(response.body()).contains("stopped arriving").doesNotContain("timestamp");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"type\":").contains("\"title\":");
    }
}
