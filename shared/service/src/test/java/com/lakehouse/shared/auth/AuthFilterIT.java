package com.lakehouse.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    // 64-character tokens: SPEC §2.3 refuses shorter ones at startup.
    private static final String S3CRET = "5ecre75ecre75ecre75ecre75ecre75ecre75ecre75ecre75ecre75ecre70000";
    private static final String NEXT1 = "1111111111111111111111111111111111111111111111111111111111111111";
    private static final String NEXT2 = "2222222222222222222222222222222222222222222222222222222222222222";
    private static final String ONLY = "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a";
    private static final String FROM_ENV = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
    private static final String EXPLICIT = "abababababababababababababababababababababababababababababababab";
    private static final String FROM_VARIABLE = "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd";
    private static final String T = "7777777777777777777777777777777777777777777777777777777777777777";

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
        String base = boot("--lakehouse.auth.token=" + S3CRET, "--lakehouse.auth.secondary_tokens[0]=" + NEXT1,
                "--lakehouse.auth.secondary_tokens[1]=" + NEXT2);

        assertUnauthorized(TestHttp.get(base + "/whoami"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer wrong"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", S3CRET));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer  " + S3CRET));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + S3CRET + "X"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + S3CRET.substring(1)));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Basic czNjcmV0"));
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "bearer " + S3CRET));

        HttpResponse<String> primary = TestHttp.get(base + "/whoami", "Authorization", "Bearer " + S3CRET);
        assertThat(primary.statusCode()).isEqualTo(200);
        assertThat(primary.body()).contains("token:primary");
        HttpResponse<String> first = TestHttp.get(base + "/whoami", "Authorization", "Bearer " + NEXT1);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("token:secondary-1");
        assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + NEXT2).statusCode()).isEqualTo(200);

        assertThat(TestHttp.get(base + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void secondaryTokensAloneStillRequireAuth() {
        String base = boot("--lakehouse.auth.token_env=LH_TEST_UNSET_VARIABLE", "--lakehouse.auth.secondary_tokens[0]=" + ONLY);

        assertUnauthorized(TestHttp.get(base + "/whoami"));
        assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + ONLY).statusCode()).isEqualTo(200);
    }

    @Test
    void unauthorizedBodiesAreProblemJsonWithoutTheToken() {
        String base = boot("--lakehouse.auth.token=" + S3CRET);

        HttpResponse<String> response = TestHttp.get(base + "/whoami", "Authorization", "Bearer guess");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain(S3CRET).doesNotContain("guess");
    }

    @Test
    void theTokenIsReadFromTheVariableNamedByTokenEnvInTheProcessEnvironment() throws Exception {
        int port = FreePort.find();
        ProcessBuilder builder = new ProcessBuilder(RepoPaths.java(), "-cp", System.getProperty("java.class.path"),
                TestServiceApplication.class.getName(), "--lakehouse.catalogd.bind=127.0.0.1:" + port,
                "--lakehouse.auth.token_env=LH_TEST_FLEET_TOKEN")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LH_TEST_FLEET_TOKEN", FROM_ENV);
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealth(base, process);
            assertUnauthorized(TestHttp.get(base + "/whoami"));
            assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + FROM_ENV).statusCode()).isEqualTo(200);
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExplicitTokenWinsOverTheVariable() {
        String base = boot("--lakehouse.auth.token=" + EXPLICIT, "--lakehouse.auth.token_env=LH_TEST_OTHER",
                "--LH_TEST_OTHER=" + FROM_VARIABLE);

        assertThat(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + EXPLICIT).statusCode()).isEqualTo(200);
        assertUnauthorized(TestHttp.get(base + "/whoami", "Authorization", "Bearer " + FROM_VARIABLE));
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
        String allowedSource = boot("--lakehouse.auth.token=" + T, "--lakehouse.auth.allowed_ips[0]=127.0.0.1");
        String deniedSource = boot("--lakehouse.auth.token=" + T, "--lakehouse.auth.allowed_ips[0]=10.1.1.1");

        assertUnauthorized(TestHttp.get(allowedSource + "/whoami"));
        assertThat(TestHttp.get(allowedSource + "/whoami", "Authorization", "Bearer " + T).statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(deniedSource + "/whoami", "Authorization", "Bearer " + T).statusCode()).isEqualTo(403);
        assertThat(TestHttp.get(allowedSource + "/health").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(deniedSource + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aShortBlankOrPlaceholderTokenRefusesTheStartSayingHowToMakeOne() {
        for (String bad : List.of("s3cret", " ", "replace-with-64-hex-characters", T.substring(0, 20) + " " + T.substring(21))) {
            assertThatThrownBy(() -> TestServiceApplication.start("--lakehouse.auth.token=" + bad))
                    .as(bad).hasStackTraceContaining("openssl rand -hex 32");
        }
        assertThatThrownBy(() -> TestServiceApplication.start("--lakehouse.auth.token=" + T,
                "--lakehouse.auth.secondary_tokens[0]=short")).hasStackTraceContaining("secondary_tokens[0]");
        assertThatThrownBy(() -> TestServiceApplication.start("--lakehouse.auth.allowed_ips[0]=bogus"))
                .hasStackTraceContaining("allowed_ips");
    }

    @Test
    void aRefusedTokenExitsNonZeroWithTheReasonOnStderr() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(RepoPaths.java(), "-cp", System.getProperty("java.class.path"),
                TestServiceApplication.class.getName(), "--lakehouse.catalogd.bind=127.0.0.1:" + FreePort.find(),
                "--lakehouse.auth.token_env=LH_TEST_FLEET_TOKEN").redirectErrorStream(true);
        builder.environment().put("LH_TEST_FLEET_TOKEN", "replace-with-64-hex-characters");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("startup failed").contains("LH_TEST_FLEET_TOKEN").contains("openssl rand -hex 32")
                .doesNotContain("replace-with-64-hex-characters");
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
