package com.lakehouse.gateway.proxy;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;
import com.lakehouse.shared.text.Durations;

/**
 * Turns a failed exchange into SPEC §1's answers: a timeout (no connection in time, or an upstream
 * silent for the route's timeout) is 504, anything else that kept the upstream from answering
 * (refused, reset, closed) is 502, as Reactor Netty's client reports them; both name the upstream, in the detail and
 * as the {@code upstream} member of the problem body. Messages carry no URLs or stack traces.
 */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    public static LakehouseException translate(Upstream upstream, Duration timeout, Throwable error) {
        Map<String, Object> details = Map.of("upstream", upstream.name());
        if (has(error, ConnectTimeoutException.class) || has(error, PoolAcquireTimeoutException.class)) {
            return new UpstreamTimeoutException("upstream " + upstream.name() + " did not accept a connection in time",
                    details);
        }
        if (has(error, ReadTimeoutException.class) || has(error, SocketTimeoutException.class)) {
            return new UpstreamTimeoutException("upstream " + upstream.name() + " did not answer within "
                    + Durations.describe(timeout), details);
        }
        return new UpstreamFailureException("upstream " + upstream.name() + " is unreachable (" + reason(error) + ")",
                details);
    }

    private static String reason(Throwable error) {
        if (has(error, ConnectException.class)) {
            return "connection refused";
        }
        if (has(error, PrematureCloseException.class) || has(error, ClosedChannelException.class)
                || has(error, EOFException.class)) {
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
}
