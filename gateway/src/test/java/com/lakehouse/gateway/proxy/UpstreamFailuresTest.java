package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

class UpstreamFailuresTest {

    private static final Upstream QUERYD = Upstream.parse("queryd", "queryd_url", "http://127.0.0.1:3214");

    private static LakehouseException translate(IOException cause, Duration timeout) {
        return UpstreamFailures.translate(QUERYD, timeout, new ResourceAccessException("I/O error", cause));
    }

    @Test
    void aRefusedConnectionIs502NamingTheUpstream() {
        LakehouseException e = translate(new ConnectException("Connection refused"), Duration.ofSeconds(1));
        assertThat(e).isInstanceOf(UpstreamFailureException.class)
                .hasMessage("upstream queryd is unreachable (connection refused)");
        assertThat(e.details()).containsEntry("upstream", "queryd");
    }

    @Test
    void aTimeoutIs504WithTheRoutesTimeout() {
        LakehouseException e = translate(new HttpTimeoutException("request timed out"), Duration.ofSeconds(120));
        assertThat(e).isInstanceOf(UpstreamTimeoutException.class).hasMessage("upstream queryd did not answer within 120s");
        assertThat(e.details()).containsEntry("upstream", "queryd");
        assertThat(translate(new HttpTimeoutException("t"), Duration.ofMillis(1500)).getMessage()).endsWith("within 1500ms");
    }

    @Test
    void aConnectTimeoutIs504() {
        assertThat(translate(new HttpConnectTimeoutException("connect timed out"), Duration.ofSeconds(1)))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("did not accept a connection");
    }

    @Test
    void anyOtherIoFailureIs502WithoutItsMessage() {
        LakehouseException e = translate(new IOException("secret http://internal:1/x"), Duration.ofSeconds(1));
        assertThat(e).isInstanceOf(UpstreamFailureException.class).hasMessage("upstream queryd is unreachable (I/O error)");
    }
}
