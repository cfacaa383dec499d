package com.lakehouse.gateway.proxy;

import java.net.URI;
import java.util.Locale;

import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Where a request goes upstream. The path is taken from the request line as the client sent it
 * (still percent-encoded) with only {@code /v1} removed, and the query is copied byte for byte, so
 * storage keys such as {@code a%20b%2Bc%23d%3F} or UTF-8 names reach the service exactly as sent;
 * re-encoding decoded parameters would turn {@code %2B} into a {@code +} that means a space.
 *
 * <p>Routes match the raw path ({@link ProxyRoute#matches}), and the raw path is what is forwarded,
 * so a path with {@code .} or {@code ..} segments (also percent-encoded) is refused rather than sent
 * to a service other than the one it names once an upstream resolves them.
 */
public final class ProxyTarget {

    private ProxyTarget() {
    }

    /**
     * @param route      the matched route
     * @param rawPath    the request path as sent (the request line's, still percent-encoded)
     * @param rawQuery   the query as sent, or {@code null}
     * @return the upstream URL
     * @throws InvalidRequestException when the raw path does not canonically belong to the route
     */
    public static URI resolve(ProxyRoute route, String rawPath, String rawQuery) {
        if (!rawPath.startsWith(ProxyRoute.EDGE_PREFIX + "/")) {
            throw notCanonical();
        }
        String servicePath = rawPath.substring(ProxyRoute.EDGE_PREFIX.length());
        if (!(servicePath.equals(route.servicePath()) || servicePath.startsWith(route.servicePath() + "/"))) {
            throw notCanonical();
        }
        if (mayHoldDotSegment(servicePath)) {
            for (String segment : servicePath.split("/", -1)) {
                if (isDotSegment(segment)) {
                    throw new InvalidRequestException("'.' and '..' path segments are not allowed");
                }
            }
        }
        try {
            return route.upstream().resolve(servicePath, rawQuery);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the request target is not a valid URI");
        }
    }

    private static InvalidRequestException notCanonical() {
        return new InvalidRequestException("the request path is not in canonical form");
    }

    /** Without a {@code .} or a {@code %} no segment can be a dot segment: most paths skip the split. */
    private static boolean mayHoldDotSegment(String path) {
        return path.indexOf('.') >= 0 || path.indexOf('%') >= 0;
    }

    /** {@code .} or {@code ..}, also percent-encoded and with {@code ;parameters}, as the container reads them. */
    private static boolean isDotSegment(String segment) {
        int parameters = segment.indexOf(';');
        String name = (parameters < 0 ? segment : segment.substring(0, parameters))
                .toLowerCase(Locale.ROOT).replace("%2e", ".");
        return name.equals(".") || name.equals("..");
    }
}
