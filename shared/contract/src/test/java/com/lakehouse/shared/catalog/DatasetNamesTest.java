package com.lakehouse.shared.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lakehouse.shared.error.InvalidRequestException;

class DatasetNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "_", "orders", "_private", "sales_2024", "a123456789012345678901234567890123456789012345678901234567890bc"})
    void acceptsSqlIdentifiers(String name) {
        assertThat(name.length()).isLessThanOrEqualTo(63);
        assertThat(DatasetNames.isValid(name)).isTrue();
        assertThat(DatasetNames.require(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "Orders", "or-ders", "or ders", "or.ders", "ordérs", "orders\n", "orders;drop",
            "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void refusesEverythingElse(String name) {
        assertThat(DatasetNames.isValid(name)).isFalse();
        assertThatThrownBy(() -> DatasetNames.require(name)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid dataset name");
    }

    @Test
    void refusesNull() {
        assertThat(DatasetNames.isValid(null)).isFalse();
    }
}
