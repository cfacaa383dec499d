package com.lakehouse.shared.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code [auth]} of lakehouse.toml (SPEC §2.3).
 *
 * @param token            the primary bearer token; when empty it is read from {@code tokenEnv}
 * @param tokenEnv         the variable holding the token (systemd's EnvironmentFile sets it)
 * @param secondaryTokens  accepted beside the primary during a rotation window
 * @param allowedIps       CIDR blocks or bare addresses allowed to call; empty allows every address
 */
@ConfigurationProperties("lakehouse.auth")
public record AuthProperties(
        @DefaultValue("") String token,
        @DefaultValue("AUTH_TOKEN") String tokenEnv,
        @DefaultValue List<String> secondaryTokens,
        @DefaultValue List<String> allowedIps) {
}
