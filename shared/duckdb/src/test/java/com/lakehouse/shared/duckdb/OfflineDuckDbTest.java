package com.lakehouse.shared.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OfflineDuckDbTest {

    @Test
    void opensWithExtensionsOffAndTheGivenSettings() throws Exception {
        try (Connection db = OfflineDuckDb.open(Map.of("threads", "1"));
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('autoinstall_known_extensions'),"
                        + " current_setting('autoload_known_extensions'), current_setting('threads')")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getLong(3)).isEqualTo(1);
        }
    }

    @Test
    void quotedTextStaysText() throws Exception {
        try (Connection db = OfflineDuckDb.open(Map.of());
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + DuckDbSql.literal("it's; --") + " AS "
                        + DuckDbSql.identifier("a \"b\""))) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("it's; --");
            assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("a \"b\"");
        }
    }
}
