package com.lakehouse.catalogd.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class DatasetIdsTest {

    /** Computed once with CPython's uuid.uuid5(UUID('a8f3c1d2-4e5b-5a6c-9d8e-7f0a1b2c3d4e'), name). */
    @Test
    void matchesAnIndependentUuidV5Implementation() {
        assertThat(DatasetIds.of("staffing_placements")).hasToString("fb680cab-6af8-5d04-8b78-9c1eda2fbbcf");
        assertThat(DatasetIds.of("lakehouse_journal")).hasToString("1f56007c-4617-588d-b190-6ddefe2111ab");
        assertThat(DatasetIds.of("a")).hasToString("e407b3cd-f733-5b16-8857-e7238483c721");
    }

    /** RFC 4122 Appendix B's example, reproduced by every conforming implementation: www.example.com in the DNS namespace. */
    @Test
    void matchesTheRfcDnsExample() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(DatasetIds.uuidV5(dns, "www.example.com")).hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void isAVersion5RfcVariantUuidAndStable() {
        UUID id = DatasetIds.of("orders");
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(DatasetIds.of("orders")).isEqualTo(id);
        assertThat(DatasetIds.of("orders2")).isNotEqualTo(id);
    }
}
