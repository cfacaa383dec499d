package com.lakehouse.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.testing.ServiceProcess;

/**
 * The gateway jar with a fleet token (no upstreams needed): the console's files are served open
 * with their security headers, and nothing else outside {@code /v1} is served.
 */
class ConsoleIT {

    @TempDir
    static Path workDir;

    private static ServiceProcess gateway;
    /** A 64-hex fleet token (SPEC §2.3 refuses short ones). */
    private static final String TOKEN = "c0501e00" + "0123456789abcdef".repeat(3) + "c0501e00";

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws InterruptedException {
        gateway = ServiceProcess.builder("gateway", workDir.resolve("gateway")).heap("128m")
                .env("AUTH_TOKEN", TOKEN).build().launch();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(gateway.isAlive()).as("gateway exited:%n%s", gateway.logTail(40)).isTrue();
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gateway did not become healthy:\n" + gateway.logTail(40));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> getWithToken(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleIsServedWithoutATokenAndWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
        SecurityHeaders.HEADERS.forEach((name, value) -> assertThat(page.headers().firstValue(name)).as(name).hasValue(value));
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline");

        HttpResponse<String> app = get("/console/app.js");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(app.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> uplot = get("/console/vendor/uplot/uPlot.esm.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("export { uPlot as default }");
    }

    @Test
    void theApiStillNeedsTheToken() throws Exception {
        assertThat(get("/v1/catalog/list").statusCode()).isEqualTo(401);
        assertThat(get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingConsoleFileIsA404Problem() throws Exception {
        HttpResponse<String> missing = get("/console/nope.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void nothingOutsideV1ButTheConsoleIsServed() throws Exception {
        // Outside the console's paths a request without the token gets a 401 (Tomcat refuses
        // /META-INF/ itself), and with it a 404: Boot's own static mappings (classpath:/static,
        // /webjars/**) are off.
        for (String path : new String[] {"/index.html", "/webjars/uplot/1.6.30/dist/uPlot.esm.js", "/application.properties",
                "/lakehouse.toml", "/com/lakehouse/gateway/GatewayApplication.class", "/META-INF/MANIFEST.MF",
                "/console/index.html/../../x", "/favicon.ico"}) {
            assertThat(get(path).statusCode()).as(path).isIn(400, 401, 404);
            HttpResponse<String> withToken = getWithToken(path);
            assertThat(withToken.statusCode()).as(path).isIn(400, 404);
            assertThat(withToken.body()).as(path).doesNotContain("export {").doesNotContain("Manifest-Version")
                    .doesNotContain("<html");
        }
        // Inside them, no path may climb out of the console's folders.
        for (String path : new String[] {"/console/../application.properties", "/console/%2e%2e/lakehouse.toml",
                "/console/..%2fMETA-INF/MANIFEST.MF", "/console/vendor/uplot/../package.json",
                "/console/vendor/uplot/%2e%2e/README.md", "/console//etc/passwd"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 401, 404);
            assertThat(response.body()).as(path).doesNotContain("\"version\"").doesNotContain("root:");
        }
    }
}
