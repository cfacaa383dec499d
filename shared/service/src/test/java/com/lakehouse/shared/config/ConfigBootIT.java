package com.lakehouse.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.boot.BindRefusedException;
import com.lakehouse.shared.testapp.TestServiceApplication;
import com.lakehouse.shared.testing.TestHttp;

/** Config files and the bind gate as a booting service meets them. */
class ConfigBootIT {

    // SPEC §2.3: tokens of at least 32 characters.
    private static final String FROM_FILE = "f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1";
    private static final String CLI = "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1";
    private static final String T = "7777777777777777777777777777777777777777777777777777777777777777";

    @TempDir
    Path dir;

    @Test
    void aNamedFileIsLoadedWithTheSpaceSeparatedConfigFlag() throws IOException {
        Path file = dir.resolve("custom.toml");
        Files.writeString(file, "[auth]\ntoken = \"" + FROM_FILE + "\"\n");

        try (ConfigurableApplicationContext context = TestServiceApplication.start("--config", file.toString())) {
            assertThat(context.getBean(AuthPolicy.class).primaryToken()).hasValue(FROM_FILE);
            String base = "http://127.0.0.1:" + TestServiceApplication.port(context);
            assertThat(TestHttp.get(base + "/whoami").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aMissingNamedFileBootsWithDefaults() {
        try (ConfigurableApplicationContext context = TestServiceApplication.start("--config=" + dir.resolve("absent.toml"))) {
            assertThat(context.getBean(AuthPolicy.class).tokenRequired()).isFalse();
        }
    }

    @Test
    void aBrokenFileFailsStartupNamingFileAndLine() throws IOException {
        Path file = dir.resolve("broken.toml");
        Files.writeString(file, "[auth]\ntoken = \"unterminated\n");

        assertThatThrownBy(() -> TestServiceApplication.start("--config", file.toString()))
                .hasStackTraceContaining("broken.toml")
                .hasStackTraceContaining("line 2");
    }

    @Test
    void commandLineOverridesTheFile() throws IOException {
        Path file = dir.resolve("lakehouse.toml");
        Files.writeString(file, "[auth]\ntoken = \"" + FROM_FILE + "\"\n");

        try (ConfigurableApplicationContext context = TestServiceApplication.start("--config", file.toString(),
                "--lakehouse.auth.token=" + CLI)) {
            assertThat(context.getBean(AuthPolicy.class).primaryToken()).hasValue(CLI);
        }
    }

    @Test
    void bootingOnAllInterfacesWithoutTheOverrideFailsNamingTheVariable() {
        assertThatThrownBy(() -> TestServiceApplication.start("--lakehouse.catalogd.bind=0.0.0.0:0"))
                .satisfies(e -> assertThat(rootOf(e)).isInstanceOf(BindRefusedException.class))
                .hasStackTraceContaining("LH_CATALOGD_ALLOW_NONLOOPBACK");
    }

    @Test
    void theOverrideNeedsExactlyOneAndAToken() {
        assertThatThrownBy(() -> TestServiceApplication.start("--lakehouse.catalogd.bind=0.0.0.0:0",
                "--LH_CATALOGD_ALLOW_NONLOOPBACK=true", "--lakehouse.auth.token=" + T))
                .hasStackTraceContaining("LH_CATALOGD_ALLOW_NONLOOPBACK");
        assertThatThrownBy(() -> TestServiceApplication.start("--lakehouse.catalogd.bind=0.0.0.0:0",
                "--LH_CATALOGD_ALLOW_NONLOOPBACK=1", "--lakehouse.auth.token_env=LH_TEST_UNSET_VARIABLE"))
                .hasStackTraceContaining("no auth token");

        try (ConfigurableApplicationContext context = TestServiceApplication.start("--lakehouse.catalogd.bind=0.0.0.0:0",
                "--LH_CATALOGD_ALLOW_NONLOOPBACK=1", "--lakehouse.auth.token=" + T)) {
            assertThat(TestServiceApplication.port(context)).isPositive();
        }
    }

    private static Throwable rootOf(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
