package com.lakehouse.ingestd.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void acceptsValidTextOfEveryLength() {
        byte[] text = "ascii é ✓ 𝄞 日本語 \u007f \u0080 \uffff \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertThat(validAsAWhole(text)).isTrue();
        assertThat(validInChunks(text, 1)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "C0AF",         // overlong '/'
        "E080AF",       // overlong, 3 bytes
        "F08080AF",     // overlong, 4 bytes
        "EDA080",       // UTF-16 surrogate
        "F4908080",     // past U+10FFFF
        "F5808080",     // lead byte that never occurs
        "80",           // stray continuation
        "C3",           // sequence cut by the end
        "E282",         // sequence cut by the end
        "C328",         // continuation replaced by ASCII
        "FF"})
    void rejectsWhatTheStrictJdkDecoderRejects(String hex) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        assertThat(jdkAccepts(bytes)).isFalse();
        assertThat(validAsAWhole(bytes)).isFalse();
        assertThat(validInChunks(bytes, 1)).isFalse();
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Bias toward the interesting high range so multi-byte forms are common.
                bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            boolean expected = jdkAccepts(bytes);
            assertThat(validAsAWhole(bytes)).as("bytes %s", java.util.HexFormat.of().formatHex(bytes)).isEqualTo(expected);
            assertThat(validInChunks(bytes, 1 + random.nextInt(3))).isEqualTo(expected);
        }
    }

    @Test
    void reportsTheIndexOfTheFirstBadByte() {
        byte[] bytes = {'a', 'b', (byte) 0xC3, (byte) 0xA9, 'c', (byte) 0xFF, 'd'};
        assertThat(new Utf8Validator().check(bytes, 0, bytes.length)).isEqualTo(5);
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean validAsAWhole(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        return validator.check(bytes, 0, bytes.length) < 0 && validator.complete();
    }

    private static boolean validInChunks(byte[] bytes, int chunk) {
        Utf8Validator validator = new Utf8Validator();
        for (int i = 0; i < bytes.length; i += chunk) {
            if (validator.check(bytes, i, Math.min(bytes.length, i + chunk)) >= 0) {
                return false;
            }
        }
        return validator.complete();
    }
}
