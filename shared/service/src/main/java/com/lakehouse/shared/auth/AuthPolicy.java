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

    /**
     * Resolves the properties against the environment. Every token present must pass
     * {@link TokenRules}; invalid allowlist entries are logged and dropped, and a list whose every
     * entry is invalid refuses the start (it would otherwise leave every address allowed).
     *
     * @throws AuthConfigException when a token breaks a rule or no allowlist entry is usable
     */
    public static AuthPolicy resolve(AuthProperties properties, Function<String, String> environment, Log log) {
        String token = properties.token();
        String where = "[auth] token";
        if ((token == null || token.isEmpty()) && properties.tokenEnv() != null && !properties.tokenEnv().isBlank()) {
            token = environment.apply(properties.tokenEnv());
            where = "the token in " + properties.tokenEnv();
        }
        if (token != null && !token.isEmpty()) {
            TokenRules.check(where, token);
        }
        List<String> secondaries = properties.secondaryTokens();
        for (int i = 0; i < secondaries.size(); i++) {
            TokenRules.check("[auth] secondary_tokens[" + i + "]", secondaries.get(i));
        }
        List<CidrBlock> blocks = new ArrayList<>();
        for (String entry : properties.allowedIps()) {
            try {
                blocks.add(CidrBlock.parse(entry));
            } catch (IllegalArgumentException e) {
                log.warn("auth: dropping invalid allowed_ips entry '" + entry + "': " + e.getMessage());
            }
        }
        if (blocks.isEmpty() && !properties.allowedIps().isEmpty()) {
            throw new AuthConfigException("auth: every [auth] allowed_ips entry is invalid (" + properties.allowedIps().size()
                    + " given); an empty allowlist would allow every address. Use CIDR blocks such as 10.0.0.0/8 or bare addresses");
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
