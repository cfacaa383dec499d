package com.lakehouse.ingestd.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|BIGINT DOUBLE",
        "42|BIGINT DOUBLE",
        "-17|BIGINT DOUBLE",
        "9007199254740992|BIGINT DOUBLE",
        "9007199254740993|BIGINT",
        "9223372036854775807|BIGINT",
        "-9223372036854775808|BIGINT",
        "9223372036854775808|",
        "-9223372036854775809|",
        "99999999999999999999|",
        "007|",
        "+5|",
        "-0|",
        "1.5|DOUBLE",
        "-0.25|DOUBLE",
        "1.50|DOUBLE",
        "6.02e23|DOUBLE",
        "1E-5|DOUBLE",
        "3.14159265358979|DOUBLE",
        "3.1415926535897932|",
        "1e400|",
        "1e-400|",
        "1.|",
        ".5|",
        "1e|",
        "NaN|",
        "inf|",
        "1,5|",
        "' 1'|",
        "true|BOOLEAN",
        "FALSE|BOOLEAN",
        "True|BOOLEAN",
        "yes|",
        "t|",
        "2024-02-29|DATE",
        "2023-02-29|",
        "2024-13-01|",
        "0000-01-01|",
        "2024-1-01|",
        "2024-01-01T10:20:30|TIMESTAMP",
        "2024-01-01 23:59:59.123456|TIMESTAMP",
        "2024-01-01 23:59:59.1234567|",
        "2024-01-01 24:00:00|",
        "2024-01-01T10:20|",
        "2024-01-01T10:20:30Z|",
        "2024-01-01T10:20:30+02:00|",
        "hello|",
        "é|"})
    void classifies(String value, String expected) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int mask = ValueClassifier.classify(bytes, bytes.length);
        StringBuilder types = new StringBuilder();
        for (ColumnType type : ColumnType.values()) {
            if (type != ColumnType.VARCHAR && (mask & type.bit()) != 0) {
                types.append(types.isEmpty() ? "" : " ").append(type);
            }
        }
        assertThat(types.toString()).isEqualTo(expected == null ? "" : expected);
    }
}
