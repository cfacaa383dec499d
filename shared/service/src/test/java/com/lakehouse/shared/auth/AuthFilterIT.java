package com.lakehouse.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.lakehouse.shared.testapp.TestServiceApplication;
import com.lakehouse.shared.testing.FreePort;
import com.lakehouse.shared.testing.RepoPaths;
import com.lakehouse.shared.testing.TestHttp;

/** SPEC §2.3 over real HTTP: the filters exactly as every service mounts them. */
class AuthFilterIT {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    private String boot(String... args) {
        ConfigurableApplicationContext context = TestServiceApplication.start(args);
        contexts.add(context);
        return "http://127.0.0.1:" + TestServiceApplication.port(context);
    }

    @Test
    void withoutTokenOrAllowlistEverythingIsOpen() {
        String base = boot("--lakehouse.auth.token_env=LH_TEST_UNSET_VARIABLE");

        assertThat(TestHttp.get(base + "/whoami").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(base + "/whoami").body()).contains("anonymous");
        assertThat(TestHttp.get(base + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aConfiguredTokenIsRequiredAndComparedOverTheWholeHeader() {
        String base = boot("--lakehouse.auth.token=s3cret", "--lakehouse.auth.secondary_tokens[0]=next1",
                "--lakehouse.auth.secondary_tokens[1]=next2");

        assertUnauthorized(TestHttp.get(base + "/whoami"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer wrong"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "s3cret"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer  s3cret"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer s3cretX"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer s3cre"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Basic czNjcmV0"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "bearer s3cret"));

        HttpResponse<String> primary = TestHttp.get(base + "/whoami", "Authorization", "Bearer s3cret");
        assertThat(primary.statusCode()).isEqualTo(200);
        assertThat(primary.body()).contains("token:primary");
        HttpResponse<String> first = TestHttp.get(base + "/whoami", "Authorization", "Bearer next1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("token:secondary-1");
        assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer next2").statusCode()).isEqualTo(200);

        assertThat(TestHttp.get(base + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void secondaryTokensAloneStillRequireAuth() {
        String base = boot("--lakehouse.auth.token_env=LH_TEST_UNSET_VARIABLE", "--lakehouse.auth.secondary_tokens[0]=only");

        assertUnauthorized(TestHttp.get(base + "/whoami"));
        assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer only").statusCode()).isEqualTo(200);
    }

    @Test
    void unauthorizedBodiesAreProblemJsonWithoutTheToken() {
        String base = boot("--lakehouse.auth.token=s3cret");

        HttpResponse<String> response = TestHttp.get(base + "/whoami", "Authorization", "Bearer guess");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain("s3cret").doesNotContain("guess");
    }

    @Test
    void theTokenIsReadFromTheVariableNamedByTokenEnvInTheProcessEnvironment() throws Exception {
        int port = FreePort.find();
        ProcessBuilder builder = new ProcessBuilder(RepoPaths.java(), "-cp", System.getProperty("java.class.path"),
                TestServiceApplication.class.getName(), "--lakehouse.catalogd.bind=127.0.0.1:" + port,
                "--lakehouse.auth.token_env=LH_TEST_FLEET_TOKEN")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LH_TEST_FLEET_TOKEN", "from-env");
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealth(base, process);
            assertUnauthorized(TestHttp.get(base + "/whoami"));
            assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer from-env").statusCode()).isEqualTo(200);
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExplicitTokenWinsOverTheVariable() {
        String base = boot("--lakehouse.auth.token=explicit", "--lakehouse.auth.token_env=LH_TEST_OTHER",
                "--LH_TEST_OTHER=from-variable");

        assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer explicit").statusCode()).isEqualTo(200);
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer from-variable"));
    }

    @Test
    void allowlistAllowsListedSourcesAndRefusesOthersWith403() {
        String allowed = boot("--lakehouse.auth.allowed_ips[0]=127.0.0.0/8");
        String bareIp = boot("--lakehouse.auth.allowed_ips[0]=127.0.0.1");
        String denied = boot("--lakehouse.auth.allowed_ips[0]=10.0.0.0/8");

        assertThat(TestHttp.get(allowed + "/whoami").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(bareIp + "/whoami").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = TestHttp.get(denied + "/whoami");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"status\":403");
        assertThat(TestHttp.get(denied + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void allowlistMatchesIpv6Sources() {
        ConfigurableApplicationContext context = TestServiceApplication.start("--lakehouse.catalogd.bind=[::1]:0",
                "--lakehouse.auth.allowed_ips[0]=::1");
        contexts.add(context);
        ConfigurableApplicationContext v4Only = TestServiceApplication.start("--lakehouse.catalogd.bind=[::1]:0",
                "--lakehouse.auth.allowed_ips[0]=127.0.0.1");
        contexts.add(v4Only);

        assertThat(TestHttp.get("http://[::1]:" + TestServiceApplication.port(context) + "/whoami").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get("http://[::1]:" + TestServiceApplication.port(v4Only) + "/whoami").statusCode()).isEqualTo(403);
    }

    @Test
    void invalidAllowlistEntriesAreDroppedAndTheRestStillApplies() {
        String base = boot("--lakehouse.auth.allowed_ips[0]=not-a-network", "--lakehouse.auth.allowed_ips[1]=10.0.0.0/33",
                "--lakehouse.auth.allowed_ips[2]=127.0.0.1");
        String onlyInvalid = boot("--lakehouse.auth.allowed_ips[0]=bogus", "--lakehouse.auth.allowed_ips[1]=10.0.0.0/8");

        assertThat(TestHttp.get(base + "/whoami").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(onlyInvalid + "/whoami").statusCode()).isEqualTo(403);
    }

    @Test
    void bothLayersApplyAndHealthStaysOpen() {
        String allowedSource = boot("--lakehouse.auth.token=t", "--lakehouse.auth.allowed_ips[0]=127.0.0.1");
        String deniedSource = boot("--lakehouse.auth.token=t", "--lakehouse.auth.allowed_ips[0]=10.1.1.1");

        assertUnauthorized(TestHttp.get(allowedSource + "/whoami"));
        assertThat(TestHttp.get(allowedSource + "/whoami", "Authorization", "Bearer t").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(deniedSource + "/whoami", "Authorization", "Bearer t").statusCode()).isEqualTo(403);
        assertThat(TestHttp.get(allowedSource + "/health").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(deniedSource + "/health").statusCode()).isEqualTo(200);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    private static void awaitHealth(String base, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("test service exited with " + process.exitValue());
            }
            try {
                if (TestHttp.get(base + "/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("test service did not become healthy");
    }
}
