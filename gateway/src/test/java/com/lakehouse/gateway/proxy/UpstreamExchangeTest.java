package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class UpstreamExchangeTest {

    @Test
    void onlyEndToEndFieldsOfTheCallerGoUpstream() {
        HttpHeaders caller = new HttpHeaders();
        caller.add("Host", "gateway:3110");
        caller.add("Connection", "keep-alive, X-Hop");
        caller.add("X-Hop", "dropped");
        caller.add("Keep-Alive", "timeout=5");
        caller.add("Transfer-Encoding", "chunked");
        caller.add("X-Lakehouse-Service", "catalogd");
        caller.add("X-Forwarded-For", "10.0.0.1");
        caller.add("Forwarded", "for=10.0.0.1");
        caller.add("Authorization", "Bearer t");
        caller.add("Content-Type", "application/json");
        caller.add("Content-Length", "17");
        caller.add("X-Many", "a");
        caller.add("X-Many", "b");
        assertThat(UpstreamExchange.forwardable(caller)).containsOnlyKeys("Authorization", "Content-Type",
                "Content-Length", "X-Many");
        assertThat(UpstreamExchange.forwardable(caller).get("X-Many")).containsExactly("a", "b");
    }

    @Test
    void aBodyOver64KiBOrOfUnknownLengthGoesBehindExpectContinue() {
        HttpHeaders small = new HttpHeaders();
        small.setContentLength(64 * 1024);
        HttpHeaders big = new HttpHeaders();
        big.setContentLength(64 * 1024 + 1);
        HttpHeaders chunked = new HttpHeaders();
        chunked.add("Transfer-Encoding", "chunked");
        assertThat(UpstreamExchange.announcesLargeBody(small)).isFalse();
        assertThat(UpstreamExchange.announcesLargeBody(big)).isTrue();
        assertThat(UpstreamExchange.announcesLargeBody(chunked)).isTrue();
        assertThat(UpstreamExchange.hasBody(new HttpHeaders())).isFalse();
        assertThat(UpstreamExchange.hasBody(chunked)).isTrue();
    }
}
