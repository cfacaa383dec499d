package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

class UpstreamFailuresTest {

    private static final Upstream QUERYD = Upstream.parse("queryd", "queryd_url", "http://127.0.0.1:3214");

    private static LakehouseException translate(Throwable cause, Duration timeout) {
        return UpstreamFailures.translate(QUERYD, timeout, new UncheckedIOException(new IOException(cause)));
    }

    @Test
    void aRefusedConnectionIs502NamingTheUpstream() {
        LakehouseException e = translate(new ConnectException("Connection refused"), Duration.ofSeconds(1));
        assertThat(e).isInstanceOf(UpstreamFailureException.class)
                .hasMessage("upstream queryd is unreachable (connection refused)");
        assertThat(e.details()).containsEntry("upstream", "queryd");
        assertThat(translate(new ConnectException("Connection refused: /127.0.0.1:3214"), Duration.ofSeconds(1)))
                .hasMessage("upstream queryd is unreachable (connection refused)");
    }

    @Test
    void aTimeoutIs504WithTheRoutesTimeout() {
        LakehouseException e = translate(ReadTimeoutException.INSTANCE, Duration.ofSeconds(120));
        assertThat(e).isInstanceOf(UpstreamTimeoutException.class).hasMessage("upstream queryd did not answer within 120s");
        assertThat(e.details()).containsEntry("upstream", "queryd");
        assertThat(translate(new SocketTimeoutException("t"), Duration.ofMillis(1500)).getMessage()).endsWith("within 1500ms");
    }

    @Test
    void aConnectTimeoutIs504() {
        assertThat(translate(new ConnectTimeoutException("Connect timed out"), Duration.ofSeconds(1)))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("did not accept a connection");
        assertThat(translate(new PoolAcquireTimeoutException(Duration.ofSeconds(1)), Duration.ofSeconds(1)))
                .as("every pooled connection busy for the connect timeout").isInstanceOf(UpstreamTimeoutException.class);
    }

    @Test
    void anUpstreamThatClosedWithoutAnsweringIs502() {
        assertThat(translate(PrematureCloseException.TEST_EXCEPTION, Duration.ofSeconds(1)))
                .isInstanceOf(UpstreamFailureException.class).hasMessage("upstream queryd is unreachable (connection closed)");
    }

    @Test
    void anyOtherIoFailureIs502WithoutItsMessage() {
        LakehouseException e = translate(new IOException("secret http://internal:1/x"), Duration.ofSeconds(1));
        assertThat(e).isInstanceOf(UpstreamFailureException.class).hasMessage("upstream queryd is unreachable (I/O error)");
    }
}
