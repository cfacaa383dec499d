package com.lakehouse.shared.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "VARCHAR", "varchar", "TIME",
            "DECIMAL(18,3)", "DECIMAL(38, 0)", "NUMERIC(5)", "VARCHAR[]", "BIGINT[3]", "DOUBLE[][]", "VARCHAR(10)",
            "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ", "HUGEINT", "UUID", "BLOB", "INTERVAL"})
    void acceptsDuckDbTypeNames(String type) {
        assertThat(ColumnTypes.isValid(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "VARCHAR; DROP TABLE x", "VARCHAR) AS a, (SELECT 1", "INTEGER -- x",
            "VARCHAR/**/", "'VARCHAR'", "\"VARCHAR\"", "getenv('HOME')", "STRUCT(a INTEGER)", "NOTATYPE",
            "DECIMAL(0,0)", "DECIMAL(39,2)", "DECIMAL(5,6)", "BIGINT(5)", "VARCHAR(1,2)", "BIGINT[x]",
            "VARCHAR\nDROP", "MAP(VARCHAR, VARCHAR)", "TIMESTAMP  WITH TIME ZONE",
            "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER"})
    void refusesAnythingElse(String type) {
        assertThat(ColumnTypes.isValid(type)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndOverlongNames() {
        assertThat(ColumnTypes.isValid(null)).isFalse();
        assertThat(ColumnTypes.isValid("VARCHAR" + "[]".repeat(40))).isFalse();
    }
}
