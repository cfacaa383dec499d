package com.lakehouse.gateway.proxy;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

/**
 * Turns a failed exchange into SPEC §1's answers: a timeout is 504, anything else that kept the
 * upstream from answering (refused, reset, closed) is 502; both name the upstream, in the detail and
 * as the {@code upstream} member of the problem body. Messages carry no URLs or stack traces.
 */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    public static LakehouseException translate(Upstream upstream, Duration timeout, Throwable error) {
        Map<String, Object> details = Map.of("upstream", upstream.name());
        if (has(error, HttpConnectTimeoutException.class)) {
            return new UpstreamTimeoutException("upstream " + upstream.name() + " did not accept a connection in time",
                    details);
        }
        if (has(error, HttpTimeoutException.class)) {
            return new UpstreamTimeoutException("upstream " + upstream.name() + " did not answer within "
                    + describe(timeout), details);
        }
        return new UpstreamFailureException("upstream " + upstream.name() + " is unreachable (" + reason(error) + ")",
                details);
    }

    private static String reason(Throwable error) {
        if (has(error, ConnectException.class)) {
            return "connection refused";
        }
        if (has(error, EOFException.class) || has(error, ClosedChannelException.class)) {
            return "connection closed";
        }
        return "I/O error";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
