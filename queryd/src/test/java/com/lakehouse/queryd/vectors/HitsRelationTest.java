package com.lakehouse.queryd.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.duckdb.OfflineDuckDb;

/** The relation runs in a real DuckDB: columns, types, values, and hostile metadata staying data. */
class HitsRelationTest {

    @Test
    void hitsBecomeTypedRowsNearestFirst() throws Exception {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("state", "IL");
        first.put("years", 3);
        first.put("rate", 21.5);
        first.put("certified", true);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("state", "x'); DROP TABLE t; --");
        second.put("years", 4.5);
        second.put("tags", List.of("a", "b"));
        second.put("\"odd key\"", "v");
        List<VectorHit> hits = List.of(new VectorHit("w-1", 0.125, first), new VectorHit("it's", 0.5, second));
        List<String> described = rows("DESCRIBE " + HitsRelation.sql(hits).replaceAll("^\\(|\\)$", ""), 2);
        assertThat(described).containsExactly("id VARCHAR", "distance DOUBLE", "rank INTEGER", "state VARCHAR",
                "years DOUBLE", "rate DOUBLE", "certified BOOLEAN", "tags VARCHAR", "\"odd key\" VARCHAR");
        assertThat(rows("SELECT * FROM " + HitsRelation.sql(hits) + " ORDER BY rank", 9)).containsExactly(
                "w-1 0.125 1 IL 3.0 21.5 true null null",
                "it's 0.5 2 x'); DROP TABLE t; -- 4.5 null null [\"a\",\"b\"] v");
    }

    @Test
    void literalsKeepTheirColumnTypesInAnyMix() throws Exception {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("nothing", null);
        first.put("big", 9_000_000_000L);
        first.put("whole", 7);
        first.put("ratio", -2);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("big", 1);
        second.put("ratio", 1.0E-7);
        List<VectorHit> hits = List.of(new VectorHit("1", 0.0, first), new VectorHit("2", 2.0, second),
                new VectorHit("3", 1.0E20, Map.of()));
        assertThat(rows("DESCRIBE " + HitsRelation.sql(hits).replaceAll("^\\(|\\)$", ""), 2)).containsExactly(
                "id VARCHAR", "distance DOUBLE", "rank INTEGER", "nothing VARCHAR", "big BIGINT", "whole BIGINT",
                "ratio DOUBLE");
        assertThat(rows("SELECT * FROM " + HitsRelation.sql(hits) + " ORDER BY rank", 7)).containsExactly(
                "1 0.0 1 null 9000000000 7 -2.0", "2 2.0 2 null 1 null 1.0E-7", "3 1.0E20 3 null null null null");
        assertThat(rows("DESCRIBE " + HitsRelation.sql(List.of(new VectorHit("x", 1, Map.of("n", 1))))
                .replaceAll("^\\(|\\)$", ""), 2)).containsExactly("id VARCHAR", "distance DOUBLE", "rank INTEGER", "n BIGINT");
        assertThat(HitsRelation.doubleLiteral(Double.NaN)).isEqualTo("CAST('NaN' AS DOUBLE)");
    }

    @Test
    void noHitsIsAnEmptyRelationWithTheFixedColumns() throws Exception {
        assertThat(rows("SELECT count(*), count(id), count(distance), count(rank) FROM " + HitsRelation.sql(List.of()), 4))
                .containsExactly("0 0 0 0");
    }

    private static List<String> rows(String sql, int columns) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join(" ", row));
            }
        }
        return out;
    }
}
