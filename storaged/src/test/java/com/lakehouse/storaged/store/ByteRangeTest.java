package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static Optional<ByteRange> resolve(String header, long size) {
        return ByteRange.parse(header).orElseThrow().resolve(size);
    }

    @Test
    void firstBytes() {
        assertThat(resolve("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
        assertThat(resolve("bytes=0-99", 1000).orElseThrow().length()).isEqualTo(100);
    }

    @Test
    void middleAndOpenEnded() {
        assertThat(resolve("bytes=100-199", 1000)).contains(new ByteRange(100, 199));
        assertThat(resolve("bytes=900-", 1000)).contains(new ByteRange(900, 999));
        assertThat(resolve(" bytes=5-6 ", 1000)).contains(new ByteRange(5, 6));
    }

    @Test
    void suffix() {
        assertThat(resolve("bytes=-10", 1000)).contains(new ByteRange(990, 999));
        assertThat(resolve("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    }

    @Test
    void endPastTheObjectIsClamped() {
        assertThat(resolve("bytes=990-5000", 1000)).contains(new ByteRange(990, 999));
    }

    @Test
    void unsatisfiable() {
        assertThat(resolve("bytes=1000-", 1000)).isEmpty();
        assertThat(resolve("bytes=5000-6000", 1000)).isEmpty();
        assertThat(resolve("bytes=-0", 1000)).isEmpty();
        assertThat(resolve("bytes=0-", 0)).isEmpty();
        assertThat(resolve("bytes=-1", 0)).isEmpty();
    }

    @Test
    void headerValues() {
        ByteRange range = new ByteRange(10, 19);
        assertThat(range.header()).isEqualTo("bytes=10-19");
        assertThat(range.contentRange(100)).isEqualTo("bytes 10-19/100");
    }

    /** RFC 9110 lets a server ignore a Range it does not understand and send the whole object. */
    @ParameterizedTest
    @ValueSource(strings = {"", "bytes=", "bytes=-", "items=0-1", "bytes=5-1", "bytes=0-1,5-6", "bytes=a-b",
            "bytes=99999999999999999999-"})
    void ignoresWhatItCannotServe(String header) {
        assertThat(ByteRange.parse(header)).isEmpty();
    }

    @Test
    void absentHeaderMeansWholeObject() {
        assertThat(ByteRange.parse(null)).isEmpty();
    }
}
