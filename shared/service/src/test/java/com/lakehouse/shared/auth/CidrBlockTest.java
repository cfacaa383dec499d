package com.lakehouse.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.200.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.168.1.5, 192.168.1.5, true",
            "192.168.1.5, 192.168.1.6, false",
            "0.0.0.0/0, 8.8.8.8, true",
            "127.0.0.1, ::ffff:127.0.0.1, true",
            "::1, 0:0:0:0:0:0:0:1, true",
            "::1, 127.0.0.1, false",
            "fd00::/8, fd12:3456::1, true",
            "fd00::/8, fe80::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "10.0.0.0/8, garbage, false",
    })
    void containsFollowsThePrefix(String block, String address, boolean expected) {
        assertThat(CidrBlock.parse(block).contains(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not-an-ip", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0/8", "300.1.1.1",
            "::1/129", "10.0.0.0/x", "example.com", "1.2.3.4.5", "fd00::zz"})
    void invalidEntriesAreRejected(String entry) {
        assertThatThrownBy(() -> CidrBlock.parse(entry)).isInstanceOf(IllegalArgumentException.class);
    }
}
