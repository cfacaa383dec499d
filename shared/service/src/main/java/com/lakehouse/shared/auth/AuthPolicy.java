package com.lakehouse.shared.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.logging.Log;

/**
 * The effective auth posture of a service: the primary token (from config or its variable), the
 * secondary tokens, and the parsed allowlist with invalid entries dropped.
 */
public record AuthPolicy(Optional<String> primaryToken, List<String> secondaryTokens, List<CidrBlock> allowlist) {

    public AuthPolicy {
        secondaryTokens = List.copyOf(secondaryTokens);
        allowlist = List.copyOf(allowlist);
    }

    /** Resolves the properties against the environment; invalid allowlist entries are logged and dropped. */
    public static AuthPolicy resolve(AuthProperties properties, Function<String, String> environment, Log log) {
        String token = properties.token();
        if ((token == null || token.isEmpty()) && properties.tokenEnv() != null && !properties.tokenEnv().isBlank()) {
            token = environment.apply(properties.tokenEnv());
        }
        List<String> secondaries = properties.secondaryTokens().stream().filter(t -> t != null && !t.isEmpty()).toList();
        List<CidrBlock> blocks = new ArrayList<>();
        for (String entry : properties.allowedIps()) {
            try {
                blocks.add(CidrBlock.parse(entry));
            } catch (IllegalArgumentException e) {
                log.warn("auth: dropping invalid allowed_ips entry '" + entry + "': " + e.getMessage());
            }
        }
        return new AuthPolicy(Optional.ofNullable(token).filter(t -> !t.isEmpty()), secondaries, blocks);
    }

    /** All tokens a caller may present, primary first. */
    public List<String> acceptedTokens() {
        List<String> all = new ArrayList<>();
        primaryToken.ifPresent(all::add);
        all.addAll(secondaryTokens);
        return all;
    }

    public boolean tokenRequired() {
        return !acceptedTokens().isEmpty();
    }

    public boolean allowlistActive() {
        return !allowlist.isEmpty();
    }

    @Override
    public String toString() {
        // Tokens never reach a log line through toString.
        return "AuthPolicy[tokens=" + acceptedTokens().size() + ", allowlist=" + allowlist + "]";
    }
}
