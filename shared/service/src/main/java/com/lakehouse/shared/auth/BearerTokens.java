package com.lakehouse.shared.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SPEC §2.3 bearer check, the one implementation every web stack's filter calls (the servlet
 * {@link BearerTokenFilter}, the gateway's reactive filter). The whole Authorization header is
 * compared with each accepted {@code Bearer <token>} value through SHA-256 digests and
 * {@link MessageDigest#isEqual}, so the time taken says nothing about how much of a guess was right,
 * nor about the token's length. Every accepted token is checked on each request (no early exit) for
 * the same reason. The tokens themselves passed {@link TokenRules} when the {@link AuthPolicy} was resolved.
 */
public final class BearerTokens {

    private final List<byte[]> acceptedDigests;

    public BearerTokens(AuthPolicy policy) {
        List<byte[]> digests = new ArrayList<>();
        for (String token : policy.acceptedTokens()) {
            digests.add(sha256("Bearer " + token));
        }
        this.acceptedDigests = List.copyOf(digests);
    }

    /** False when auth is off: no token configured, every request passes. */
    public boolean required() {
        return !acceptedDigests.isEmpty();
    }

    /** Whether {@code path} with {@code method} stays open whatever the posture ({@code /health}, {@code /v1/health}). */
    public static boolean isOpen(String path, String method) {
        return OpenPaths.isOpen(path, method);
    }

    /**
     * The actor of an accepted {@code Authorization} header ({@code token:primary},
     * {@code token:secondary-N}), or empty when it is missing or matches no token.
     */
    public Optional<String> actorOf(String header) {
        byte[] presented = sha256(header == null ? "" : header);
        int matched = -1;
        for (int i = 0; i < acceptedDigests.size(); i++) {
            if (MessageDigest.isEqual(presented, acceptedDigests.get(i)) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return Optional.empty();
        }
        return Optional.of(matched == 0 ? "token:primary" : "token:secondary-" + matched);
    }

    /** The refusal's detail for a missing or a wrong header. */
    public static String refusal(String header) {
        return header == null ? "missing Authorization header; send 'Authorization: Bearer <token>'" : "invalid bearer token";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
