package com.lakehouse.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private static final String GOOD = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aLongRandomTokenPasses() {
        assertThat(TokenRules.problem("t", GOOD)).isEmpty();
        assertThat(TokenRules.problem("t", "x".repeat(32))).isEmpty();
    }

    @Test
    void shortTokensAreRefusedWithTheirLength() {
        assertThat(TokenRules.problem("t", "x".repeat(31))).hasValueSatisfying(r -> assertThat(r).contains("31 characters").contains("32"));
        assertThat(TokenRules.problem("t", "s3cret")).isPresent();
    }

    @Test
    void blankTokensAreRefused() {
        assertThat(TokenRules.problem("t", "")).hasValueSatisfying(r -> assertThat(r).contains("blank"));
        assertThat(TokenRules.problem("t", "   ")).hasValueSatisfying(r -> assertThat(r).contains("blank"));
        assertThat(TokenRules.problem("t", null)).isPresent();
    }

    @Test
    void whitespaceInsideIsRefused() {
        assertThat(TokenRules.problem("t", GOOD.substring(0, 20) + " " + GOOD.substring(20)))
                .hasValueSatisfying(r -> assertThat(r).contains("whitespace"));
        assertThat(TokenRules.problem("t", GOOD + "\n")).isPresent();
        assertThat(TokenRules.problem("t", "\t" + GOOD)).isPresent();
    }

    @Test
    void shippedPlaceholdersAreRefusedWhateverTheirLength() {
        assertThat(TokenRules.problem("t", "replace-with-64-hex-characters")).hasValueSatisfying(r -> assertThat(r).contains("placeholder"));
        assertThat(TokenRules.problem("t", "REPLACE-WITH-64-HEX-CHARACTERS")).hasValueSatisfying(r -> assertThat(r).contains("placeholder"));
        assertThat(TokenRules.problem("t", "replace-with-a-long-secret")).isPresent();
    }

    @Test
    void checkSaysWhereAndHowToMakeOne() {
        assertThatThrownBy(() -> TokenRules.check("[auth] token", "short"))
                .isInstanceOf(AuthConfigException.class)
                .hasMessageContaining("[auth] token").hasMessageContaining("openssl rand -hex 32");
    }
}
