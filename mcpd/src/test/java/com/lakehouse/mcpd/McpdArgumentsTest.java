package com.lakehouse.mcpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class McpdArgumentsTest {

    @Test
    void defaultsToTheLocalGatewayAndAuthToken() {
        McpdArguments args = McpdArguments.parse(new String[0], Map.of("AUTH_TOKEN", " t0k "));
        assertThat(args.gateway()).isEqualTo(URI.create("http://127.0.0.1:3110"));
        assertThat(args.tokenEnv()).isEqualTo("AUTH_TOKEN");
        assertThat(args.token()).contains("t0k");
        assertThat(args.help()).isFalse();
    }

    @Test
    void readsGatewayAndTokenVariableInBothSpellings() {
        McpdArguments spaced = McpdArguments.parse(new String[] {"--gateway", "http://gw.local:8080/", "--token-env", "MY_TOKEN"},
                Map.of("MY_TOKEN", "abc", "AUTH_TOKEN", "other"));
        assertThat(spaced.gateway()).isEqualTo(URI.create("http://gw.local:8080"));
        assertThat(spaced.token()).contains("abc");
        McpdArguments inline = McpdArguments.parse(new String[] {"--gateway=https://h:1", "--token-env=X"}, Map.of());
        assertThat(inline.gateway()).isEqualTo(URI.create("https://h:1"));
        assertThat(inline.tokenEnv()).isEqualTo("X");
        assertThat(inline.token()).isEqualTo(Optional.empty());
    }

    @Test
    void aBlankTokenIsNoToken() {
        assertThat(McpdArguments.parse(new String[0], Map.of("AUTH_TOKEN", "  ")).token()).isEmpty();
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> McpdArguments.parse(new String[] {"--gateway", "127.0.0.1:3110"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--gateway").hasMessageContaining("scheme");
        assertThatThrownBy(() -> McpdArguments.parse(new String[] {"--gateway"}, Map.of()))
                .hasMessage("--gateway needs a value");
        assertThatThrownBy(() -> McpdArguments.parse(new String[] {"--token", "secret"}, Map.of()))
                .hasMessage("unknown argument '--token'");
        assertThatThrownBy(() -> McpdArguments.parse(new String[] {"--token-env="}, Map.of()))
                .hasMessage("--token-env needs a variable name");
    }

    @Test
    void helpIsRecognised() {
        assertThat(McpdArguments.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
    }
}
