package com.lakehouse.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

class AuthPolicyTest {

    private static final String GOOD = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private static AuthPolicy resolve(String token, Map<String, String> env, List<String> secondaries, List<String> ips) {
        return AuthPolicy.resolve(new AuthProperties(token, "AUTH_TOKEN", secondaries, ips), env::get,
                LogFactory.getLog(AuthPolicyTest.class));
    }

    @Test
    void noTokenAnywhereLeavesAuthOff() {
        AuthPolicy policy = resolve("", Map.of(), List.of(), List.of());
        assertThat(policy.tokenRequired()).isFalse();
        assertThat(resolve("", Map.of("AUTH_TOKEN", ""), List.of(), List.of()).tokenRequired()).isFalse();
    }

    @Test
    void goodTokensAreAccepted() {
        AuthPolicy policy = resolve("", Map.of("AUTH_TOKEN", GOOD), List.of(OTHER), List.of());
        assertThat(policy.acceptedTokens()).containsExactly(GOOD, OTHER);
    }

    @Test
    void aShortPrimaryRefusesTheStart() {
        assertThatThrownBy(() -> resolve("s3cret", Map.of(), List.of(), List.of()))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("[auth] token")
                .hasMessageContaining("openssl rand -hex 32").hasMessageNotContaining("s3cret");
    }

    @Test
    void aBlankOrPlaceholderTokenFromTheVariableRefusesTheStart() {
        assertThatThrownBy(() -> resolve("", Map.of("AUTH_TOKEN", "   "), List.of(), List.of()))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("AUTH_TOKEN").hasMessageContaining("blank");
        assertThatThrownBy(() -> resolve("", Map.of("AUTH_TOKEN", "replace-with-64-hex-characters"), List.of(), List.of()))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("placeholder");
    }

    @Test
    void aBadSecondaryRefusesTheStartEvenWithAGoodPrimary() {
        assertThatThrownBy(() -> resolve(GOOD, Map.of(), List.of(OTHER, "next1"), List.of()))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("secondary_tokens[1]");
        assertThatThrownBy(() -> resolve(GOOD, Map.of(), List.of(""), List.of()))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("secondary_tokens[0]");
    }

    @Test
    void someInvalidAllowlistEntriesAreDroppedButAllInvalidRefusesTheStart() {
        assertThat(resolve("", Map.of(), List.of(), List.of("bogus", "127.0.0.1")).allowlist()).hasSize(1);
        assertThatThrownBy(() -> resolve("", Map.of(), List.of(), List.of("bogus", "10.0.0.0/33")))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("allowed_ips");
    }
}
