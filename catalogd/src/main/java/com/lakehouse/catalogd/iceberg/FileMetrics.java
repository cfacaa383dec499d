package com.lakehouse.catalogd.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.DateTimeUtil;
import org.apache.iceberg.util.UnicodeUtil;

/**
 * A data file's Iceberg {@link Metrics} from its Parquet footer: values, nulls and bytes summed over
 * the row groups, bounds the smallest and largest over them, encoded with Iceberg's own
 * {@link Conversions}. A bound is left out whenever it might be wrong (a row group without
 * statistics, a string bound the footer does not call exact, a type Iceberg cannot bound here):
 * a missing bound only costs pruning, a wrong one would drop rows.
 */
public final class FileMetrics {

    /** Iceberg's default {@code write.metadata.metrics.default} is {@code truncate(16)}. */
    private static final int TRUNCATE = 16;

    private FileMetrics() {
    }

    public static Metrics of(Schema schema, long rowCount, List<FooterStats> chunks) {
        Map<Integer, Long> sizes = new HashMap<>();
        Map<Integer, Long> values = new HashMap<>();
        Map<Integer, Long> nulls = new HashMap<>();
        Map<Integer, Object> lower = new HashMap<>();
        Map<Integer, Object> upper = new HashMap<>();
        Set<Integer> unknownNulls = new HashSet<>();
        Set<Integer> unbounded = new HashSet<>();
        for (FooterStats chunk : chunks) {
            Types.NestedField field = schema.findField(chunk.column());
            if (field == null || !field.type().isPrimitiveType()) {
                continue;
            }
            int id = field.fieldId();
            sizes.merge(id, chunk.compressedSize(), Long::sum);
            values.merge(id, chunk.valueCount(), Long::sum);
            if (chunk.nullCount() == null) {
                unknownNulls.add(id);
            } else {
                nulls.merge(id, chunk.nullCount(), Long::sum);
            }
            Object min = bound(field.type(), chunk.min(), chunk.exact());
            Object max = bound(field.type(), chunk.max(), chunk.exact());
            if (min == null || max == null) {
                unbounded.add(id);
                continue;
            }
            Comparator<Object> order = Comparators.forType(field.type().asPrimitiveType());
            lower.merge(id, min, (a, b) -> order.compare(a, b) <= 0 ? a : b);
            upper.merge(id, max, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        unknownNulls.forEach(nulls::remove);
        unbounded.forEach(lower::remove);
        unbounded.forEach(upper::remove);
        return new Metrics(rowCount, sizes, values, nulls, null, encode(schema, lower, true), encode(schema, upper, false));
    }

    /** The typed value of a footer bound, or null when it cannot safely be one. */
    static Object bound(Type type, String text, boolean exact) {
        if (text == null) {
            return null;
        }
        try {
            return switch (type.typeId()) {
                case BOOLEAN -> Boolean.parseBoolean(text);
                case INTEGER -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case FLOAT -> finite(Float.parseFloat(text));
                case DOUBLE -> finite(Double.parseDouble(text));
                case DATE -> DateTimeUtil.isoDateToDays(text);
                case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC()
                        ? DateTimeUtil.isoTimestamptzToMicros(isoOffset(text))
                        : DateTimeUtil.isoTimestampToMicros(text.replace(' ', 'T'));
                case DECIMAL -> new BigDecimal(text).setScale(((Types.DecimalType) type).scale());
                case STRING -> exact ? text : null;
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Object finite(float value) {
        return Float.isFinite(value) ? value : null;
    }

    /** DuckDB renders {@code 2024-01-01 10:00:00+00}; ISO wants {@code T} and {@code +00:00}. */
    private static String isoOffset(String text) {
        String iso = text.replace(' ', 'T');
        return iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
    }

    private static Map<Integer, ByteBuffer> encode(Schema schema, Map<Integer, Object> bounds, boolean isLower) {
        Map<Integer, ByteBuffer> encoded = new HashMap<>();
        bounds.forEach((id, value) -> {
            Type type = schema.findType(id);
            Object bound = value;
            if (type.typeId() == Type.TypeID.STRING) {
                bound = isLower ? UnicodeUtil.truncateStringMin((String) value, TRUNCATE)
                        : UnicodeUtil.truncateStringMax((String) value, TRUNCATE);
            }
            if (bound != null) {
                encoded.put(id, Conversions.toByteBuffer(type, bound));
            }
        });
        return encoded;
    }
}
