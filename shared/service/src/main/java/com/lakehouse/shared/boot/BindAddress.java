package com.lakehouse.shared.boot;

import java.util.regex.Pattern;

import com.lakehouse.shared.auth.CidrBlock;

/**
 * A {@code host:port} bind address as written in config ({@code 127.0.0.1:3211}, {@code [::1]:3211},
 * {@code localhost:3211}).
 */
public record BindAddress(String host, int port) {

    private static final CidrBlock LOOPBACK_V4 = CidrBlock.parse("127.0.0.0/8");
    private static final CidrBlock LOOPBACK_V6 = CidrBlock.parse("::1");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]*");

    /** Parses {@code host:port}; anything else is an {@link IllegalArgumentException}. */
    public static BindAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("bind address is empty");
        }
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("bind address '" + value + "' has no port");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("bind address '" + value + "' has an invalid host");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bind address '" + value + "' has no numeric port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bind address '" + value + "' has a port out of range");
        }
        return new BindAddress(host, port);
    }

    /**
     * True only for addresses that cannot be reached from another machine: 127.0.0.0/8, ::1 and the
     * name {@code localhost}. Wildcards, other IPs, other host names and an empty host are not.
     */
    public boolean isLoopback() {
        return host.equals("localhost") || LOOPBACK_V4.contains(host) || LOOPBACK_V6.contains(host);
    }
}
