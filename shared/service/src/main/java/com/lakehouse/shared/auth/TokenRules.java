package com.lakehouse.shared.auth;

import java.util.Optional;
import java.util.Set;

/**
 * SPEC §2.3 token rules, the one place they live: with auth on, every accepted token (primary or
 * secondary) is at least {@link #MIN_LENGTH} characters, holds no whitespace, and is none of the
 * placeholder values the repository ships in its examples. A service whose token breaks a rule does
 * not start.
 */
public final class TokenRules {

    /** Fewest characters a token may have. */
    public static final int MIN_LENGTH = 32;

    /** How to make a good token; every refusal says it. */
    public static final String HOW_TO_MAKE_ONE = "make one with: openssl rand -hex 32";

    /**
     * Values shipped in the repository's examples (deploy/*.env.example, README, docs,
     * lakehouse.toml). A fleet started from a copied example must not accept its placeholder.
     */
    static final Set<String> EXAMPLE_VALUES = Set.of(
            "replace-with-64-hex-characters",
            "replace-with-a-long-secret",
            "<the fleet token, or leave empty on an open loopback fleet>",
            "<token>",
            "changeme",
            "change-me");

    private TokenRules() {
    }

    /** Why {@code token} cannot be a fleet token, or empty when it can; {@code where} names its setting. */
    public static Optional<String> problem(String where, String token) {
        if (token == null || token.isBlank()) {
            return Optional.of(where + " is blank");
        }
        if (EXAMPLE_VALUES.contains(token.strip().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(where + " is the placeholder from the shipped examples");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(where + " contains whitespace");
        }
        if (token.length() < MIN_LENGTH) {
            return Optional.of(where + " has " + token.length() + " characters; at least " + MIN_LENGTH + " are required");
        }
        return Optional.empty();
    }

    /** Throws {@link AuthConfigException} when {@code token} breaks a rule. */
    public static void check(String where, String token) {
        problem(where, token).ifPresent(reason -> {
            throw new AuthConfigException("auth: " + reason + "; " + HOW_TO_MAKE_ONE);
        });
    }
}
