package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class HopByHopHeadersTest {

    @Test
    void dropsTheFixedHopByHopFields() {
        HttpHeaders in = new HttpHeaders();
        for (String name : new String[] {"Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate",
                "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade"}) {
            in.add(name, "x");
        }
        in.add("Content-Type", "text/csv");
        assertThat(HopByHopHeaders.strip(in).headerNames()).containsExactly("Content-Type");
    }

    @Test
    void dropsEveryFieldConnectionNamesInAnyCase() {
        HttpHeaders in = new HttpHeaders();
        in.add("Connection", "keep-alive, X-Hop-One");
        in.add("connection", " x-hop-two ");
        in.add("X-HOP-ONE", "1");
        in.add("X-Hop-Two", "2");
        in.add("X-End-To-End", "3");
        HttpHeaders out = HopByHopHeaders.strip(in);
        assertThat(out.headerNames()).containsExactly("X-End-To-End");
    }

    @Test
    void keepsEndToEndFieldsWithAllTheirValues() {
        HttpHeaders in = new HttpHeaders();
        in.add("Authorization", "Bearer secret");
        in.add("Range", "bytes=0-9");
        in.add("ETag", "\"e\"");
        in.add("Content-Length", "10");
        in.add("X-Many", "a");
        in.add("X-Many", "b");
        HttpHeaders out = HopByHopHeaders.strip(in);
        assertThat(out.getFirst("Authorization")).isEqualTo("Bearer secret");
        assertThat(out.getFirst("Range")).isEqualTo("bytes=0-9");
        assertThat(out.getETag()).isEqualTo("\"e\"");
        assertThat(out.getContentLength()).isEqualTo(10);
        assertThat(out.get("X-Many")).containsExactly("a", "b");
    }
}
