package com.lakehouse.embedd.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a cached vector is stored under: the model the request resolved to (never the name a
 * provider echoes back, so a request without a model and one naming the default share entries) and
 * the SHA-256 of the text (so the cache holds no text and a key has a fixed size).
 */
public record CacheKey(String model, String sha256) {

    public static CacheKey of(String model, String text) {
        return new CacheKey(model, HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
