package com.lakehouse.queryd.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBStruct;

/**
 * DuckDB values as JSON-native values (SPEC §6). Integers outside ±(2^53−1) become strings so a
 * JavaScript reader never rounds them; DECIMAL stays a {@link BigDecimal}, written as a JSON number
 * with its exact digits; NaN and ±Infinity become the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}; dates, times and timestamps are ISO-8601 strings; BLOBs are base64; lists are
 * arrays and structs and maps are objects.
 */
public final class JsonValues {

    /** Number.MAX_SAFE_INTEGER: the largest integer every JSON reader holds exactly. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final BigInteger SAFE = BigInteger.valueOf(MAX_SAFE_INTEGER);

    private JsonValues() {
    }

    /** The JSON form of a value as the DuckDB driver returns it from {@code getObject}. */
    public static Object of(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            case Byte b -> b.intValue();
            case Short s -> s.intValue();
            case Integer i -> i;
            case Long l -> Math.abs(l) <= MAX_SAFE_INTEGER ? l : l.toString();
            case BigInteger b -> b.abs().compareTo(SAFE) <= 0 ? b.longValue() : b.toString();
            case BigDecimal d -> d;
            case Double d -> floating(d);
            case Float f -> floating(f.doubleValue());
            case String s -> s;
            case LocalDate d -> d.toString();
            case LocalDateTime t -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case Timestamp t -> t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case OffsetDateTime t -> t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case LocalTime t -> t.format(DateTimeFormatter.ISO_LOCAL_TIME);
            case OffsetTime t -> t.format(DateTimeFormatter.ISO_OFFSET_TIME);
            case DuckDBStruct s -> object(s.getMap());
            case Struct s -> Arrays.asList(mapAll(s.getAttributes()));
            case Array a -> list((Object[]) a.getArray());
            case Map<?, ?> m -> object(m);
            case Blob b -> Base64.getEncoder().encodeToString(b.getBytes(1, (int) b.length()));
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> value.toString();
        };
    }

    private static Object floating(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return d;
    }

    private static List<Object> list(Object[] values) throws SQLException {
        return new ArrayList<>(Arrays.asList(mapAll(values)));
    }

    private static Object[] mapAll(Object[] values) throws SQLException {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = of(values[i]);
        }
        return out;
    }

    private static Map<String, Object> object(Map<?, ?> map) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put(String.valueOf(e.getKey()), of(e.getValue()));
        }
        return out;
    }
}
