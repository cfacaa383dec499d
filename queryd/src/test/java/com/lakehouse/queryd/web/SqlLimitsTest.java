package com.lakehouse.queryd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.PayloadTooLargeException;

class SqlLimitsTest {

    @Test
    void textUpToTheLimitPassesAndOneByteMoreIs413NamingSqlAndTheLimit() {
        String atLimit = "SELECT '" + "x".repeat(100 - 9) + "'";
        assertThatCode(() -> SqlLimits.checkLength(atLimit, 100)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SqlLimits.checkLength(atLimit + " ", 100))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("sql is 101 bytes; the limit is 100 (max_sql_bytes)")
                .satisfies(e -> assertThat(((LakehouseException) e).details())
                        .containsEntry("field", "sql").containsEntry("limit", 100));
    }

    @Test
    void bytesAreCountedInUtf8() {
        String euros = "€".repeat(34); // 34 characters, 102 bytes
        assertThatThrownBy(() -> SqlLimits.checkLength(euros, 100)).isInstanceOf(PayloadTooLargeException.class);
        assertThatCode(() -> SqlLimits.checkLength(euros, 102)).doesNotThrowAnyException();
        assertThatCode(() -> SqlLimits.checkLength(null, 1)).doesNotThrowAnyException();
    }
}
