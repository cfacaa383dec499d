package com.lakehouse.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void countsAsTheEncoderDoes() {
        for (String s : new String[] {"", "ascii", "café", "日本語", "emoji 😀 pair", "mixed é😀日a"}) {
            assertThat(Utf8.length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aLoneSurrogateCountsAsItsReplacement() {
        // Java encodes it as "?" and a JSON writer as U+FFFD: the larger is the bound.
        assertThat(Utf8.length("\uD800")).isEqualTo(3);
    }
}
