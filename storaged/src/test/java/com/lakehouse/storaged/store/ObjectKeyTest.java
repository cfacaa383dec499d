package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.storage.StorageKeys;

class ObjectKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "datasets/sales/v1/part-0.parquet", "with space/and \"quotes\"", "100% sure",
            "a+b", "hash#tag", "what?", "résumé/日本語/😀", "semi;colon", "tilde~and'apostrophe", ".hidden/..x/x..",
            "back\\slash"})
    void acceptsAndRoundTripsThroughTheClientEncoding(String key) {
        assertThat(ObjectKey.fromRawPath(StorageKeys.encodePath(key)).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/leading", "trailing/", "a//b", ".", "..", "a/./b", "a/../b", "../escape",
            "nul\u0000", "tab\tkey", "line\nbreak", "del\u007f", "c1\u0085"})
    void refusesKeysOutsideTheSpec(String key) {
        assertThatThrownBy(() -> ObjectKey.validate(key)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void limitIsCountedInUtf8Bytes() {
        ObjectKey.validate("a".repeat(1024));
        assertThatThrownBy(() -> ObjectKey.validate("a".repeat(1025))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1025 bytes");
        // 342 three-byte characters are 1026 bytes although only 342 chars
        assertThatThrownBy(() -> ObjectKey.validate("€".repeat(342))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void plusStaysAPlusAndPercentEscapesDecodeOnce() {
        assertThat(ObjectKey.fromRawPath("a+b%20c").value()).isEqualTo("a+b c");
        assertThat(ObjectKey.fromRawPath("100%2525").value()).isEqualTo("100%25");
    }

    @Test
    void rawNonAsciiIsTakenAsItCame() {
        assertThat(ObjectKey.fromRawPath("raw/é日😀").value()).isEqualTo("raw/é日😀");
    }

    @Test
    void encodedDotSegmentsAreStillRefused() {
        assertThatThrownBy(() -> ObjectKey.fromRawPath("x/%2E%2E/y")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void refusesBrokenEscapesAndInvalidUtf8() {
        assertThatThrownBy(() -> ObjectKey.fromRawPath("bad%2")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ObjectKey.fromRawPath("bad%zz")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ObjectKey.fromRawPath("bad%C3")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> ObjectKey.fromRawPath("nul%00")).isInstanceOf(InvalidRequestException.class);
    }
}
