package com.lakehouse.queryd.vectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * The SQL relation of a search's hits: columns {@code id} (VARCHAR), {@code distance} (DOUBLE),
 * {@code rank} (INTEGER, 1 = nearest), then one column per metadata key in first-seen order.
 * A metadata column is BOOLEAN when every value is a boolean, BIGINT when every value is a whole
 * number, DOUBLE when every value is a number, else VARCHAR (objects and lists as JSON text);
 * a key a hit lacks is NULL. Every value is a literal written here (a quoted string, or a number
 * or boolean queryd formats itself), so nothing of vectord's answer can become SQL syntax.
 *
 * <p>A value is written as a literal of its column's type where DuckDB reads one (a string literal
 * is VARCHAR, {@code 2.5e0} DOUBLE, {@code 3} INTEGER, {@code true} BOOLEAN) and cast only where it
 * does not (BIGINT, and NULL): binding a {@code CAST} per value cost the statement ~0.3 ms of
 * DuckDB's planning for ten hits (docs/BENCHMARKS.md, hybrid question).
 */
public final class HitsRelation {

    private static final Set<String> FIXED = Set.of("id", "distance", "rank");

    private HitsRelation() {
    }

    public static String sql(List<VectorHit> hits) {
        Map<String, String> types = metadataTypes(hits);
        List<String> names = new ArrayList<>(List.of("id", "distance", "rank"));
        names.addAll(types.keySet());
        if (hits.isEmpty()) {
            return "(SELECT CAST(NULL AS VARCHAR) AS id, CAST(NULL AS DOUBLE) AS distance, CAST(NULL AS INTEGER) AS rank WHERE false)";
        }
        StringBuilder sql = new StringBuilder("(SELECT * FROM (VALUES ");
        for (int i = 0; i < hits.size(); i++) {
            VectorHit hit = hits.get(i);
            sql.append(i == 0 ? "(" : ", (")
                    .append(DuckDbSql.literal(hit.id())).append(", ")
                    .append(doubleLiteral(hit.distance())).append(", ")
                    .append(i + 1);
            types.forEach((key, type) -> sql.append(", ").append(value(hit.metadata().get(key), type)));
            sql.append(')');
        }
        sql.append(") AS hits(");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(DuckDbSql.identifier(names.get(i)));
        }
        return sql.append("))").toString();
    }

    private static Map<String, String> metadataTypes(List<VectorHit> hits) {
        Map<String, String> types = new LinkedHashMap<>();
        for (VectorHit hit : hits) {
            hit.metadata().forEach((key, value) -> {
                if (!FIXED.contains(key) && value != null) {
                    types.merge(key, typeOf(value), HitsRelation::widest);
                } else if (!FIXED.contains(key)) {
                    types.putIfAbsent(key, "NULL");
                }
            });
        }
        types.replaceAll((key, type) -> type.equals("NULL") ? "VARCHAR" : type);
        return types;
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "BOOLEAN";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "BIGINT";
        }
        return value instanceof Number ? "DOUBLE" : "VARCHAR";
    }

    private static String widest(String a, String b) {
        if (a.equals(b) || b.equals("NULL")) {
            return a;
        }
        if (a.equals("NULL")) {
            return b;
        }
        boolean numeric = Set.of("BIGINT", "DOUBLE").containsAll(List.of(a, b));
        return numeric ? "DOUBLE" : "VARCHAR";
    }

    private static String value(Object value, String type) {
        if (value == null) {
            return "CAST(NULL AS " + type + ")";
        }
        if (type.equals("DOUBLE")) {
            return doubleLiteral(((Number) value).doubleValue());
        }
        if (type.equals("BOOLEAN")) {
            return value.toString();
        }
        String text = value instanceof String s ? s
                : type.equals("VARCHAR") && !(value instanceof Number || value instanceof Boolean)
                        ? LakehouseJson.mapper().writeValueAsString(value) : value.toString();
        return type.equals("VARCHAR") ? DuckDbSql.literal(text) : "CAST(" + DuckDbSql.literal(text) + " AS " + type + ")";
    }

    /** A DOUBLE literal: DuckDB reads a number with an exponent as DOUBLE (without one, as DECIMAL). */
    static String doubleLiteral(double value) {
        if (!Double.isFinite(value)) {
            return "CAST(" + DuckDbSql.literal(Double.toString(value)) + " AS DOUBLE)";
        }
        String text = Double.toString(value);
        return text.indexOf('E') < 0 ? text + "e0" : text;
    }
}
