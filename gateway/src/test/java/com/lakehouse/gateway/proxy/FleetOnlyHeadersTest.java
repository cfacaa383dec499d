package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class FleetOnlyHeadersTest {

    @Test
    void anOutsideCallerCannotClaimTheFleetsUploadSlots() {
        HttpHeaders in = new HttpHeaders();
        in.add("x-lakehouse-service", "fleet");
        in.add("X-LAKEHOUSE-SERVICE", "ingestd");
        in.add("Content-Type", "application/octet-stream");
        in.add("Authorization", "Bearer t");
        assertThat(FleetOnlyHeaders.strip(in).headerNames()).containsExactlyInAnyOrder("Content-Type", "Authorization");
    }
}
