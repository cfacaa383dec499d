package com.lakehouse.ingestd.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The parses that replace DuckDB's casts must give exactly what the JDK's exact parsers give. */
class TypedValuesTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(5);

    @Test
    void integersIncludingBothEnds() {
        for (String text : new String[] {"0", "7", "-1", "9223372036854775807", "-9223372036854775808", "1234567890123"}) {
            assertThat(TypedValues.parseLong(padded(text), 3, text.length())).as(text).isEqualTo(Long.parseLong(text));
        }
    }

    @Test
    void decimalsRoundExactlyAsDoubleParseDoubleDoes() {
        String[] fixed = {"0.1", "-0.0", "0.000123", "123456789.012345", "5", "-3", "1200.00", "0.30000000000000004",
            "9007199254740993", "2.5e-3", "1E300", "4.9e-300", "1000000000000000000000", "0.00000000000000000000001"};
        for (String text : fixed) {
            assertSameDouble(text);
        }
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(RANDOM.nextBoolean() ? "-" : "");
            text.append(RANDOM.nextLong(1, 1_000_000_000L));
            int fraction = RANDOM.nextInt(0, 8);
            if (fraction > 0) {
                text.append('.');
                for (int k = 0; k < fraction; k++) {
                    text.append((char) ('0' + RANDOM.nextInt(10)));
                }
            }
            assertSameDouble(text.toString());
        }
    }

    @Test
    void booleansInAnyCase() {
        assertThat(TypedValues.parseBoolean(padded("true"), 3)).isTrue();
        assertThat(TypedValues.parseBoolean(padded("TRUE"), 3)).isTrue();
        assertThat(TypedValues.parseBoolean(padded("False"), 3)).isFalse();
    }

    @Test
    void datesCountDaysLikeJavaTimeOverTheWholeRange() {
        for (String text : new String[] {"0001-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "2024-02-29", "9999-12-31"}) {
            assertThat(TypedValues.parseDateDays(padded(text), 3)).as(text).isEqualTo((int) LocalDate.parse(text).toEpochDay());
        }
        for (int i = 0; i < 100_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(RANDOM.nextLong(LocalDate.of(1, 1, 1).toEpochDay(),
                    LocalDate.of(9999, 12, 31).toEpochDay() + 1));
            String text = day.toString();
            assertThat(TypedValues.parseDateDays(padded(text), 3)).as(text).isEqualTo((int) day.toEpochDay());
        }
    }

    @Test
    void timestampsKeepMicrosecondsWithEitherSeparator() {
        String[] texts = {"2024-01-01T10:20:30.123456", "1969-12-31 23:59:59.5", "0001-01-01 00:00:00", "9999-12-31T23:59:59.999999",
            "2024-01-01T00:00:00.1", "1970-01-01 00:00:00.000001"};
        for (String text : texts) {
            LocalDateTime expected = LocalDateTime.parse(text.replace(' ', 'T'));
            long micros = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), expected);
            assertThat(TypedValues.parseTimestampMicros(padded(text), 3, text.length())).as(text).isEqualTo(micros);
        }
        for (int i = 0; i < 100_000; i++) {
            long seconds = RANDOM.nextLong(LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                    LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC));
            int micros = RANDOM.nextInt(1_000_000);
            LocalDateTime at = LocalDateTime.ofEpochSecond(seconds, micros * 1000, ZoneOffset.UTC);
            String text = at.toLocalDate() + " " + at.toLocalTime().withNano(0) + String.format(".%06d", micros);
            if (at.getSecond() == 0 && at.toLocalTime().withNano(0).toString().length() == 5) {
                text = at.toLocalDate() + " " + at.toLocalTime().withNano(0) + ":00" + String.format(".%06d", micros);
            }
            assertThat(TypedValues.parseTimestampMicros(padded(text), 3, text.length())).as(text)
                    .isEqualTo(seconds * 1_000_000 + micros);
        }
    }

    private static void assertSameDouble(String text) {
        double expected = Double.parseDouble(text);
        double actual = TypedValues.parseDouble(padded(text), 3, text.length());
        assertThat(Double.doubleToRawLongBits(actual)).as(text).isEqualTo(Double.doubleToRawLongBits(expected));
    }

    /** The value in the middle of other bytes, as it sits in a block of many values. */
    private static byte[] padded(String text) {
        return ("9,-" + text + ",7").getBytes(StandardCharsets.US_ASCII);
    }
}
