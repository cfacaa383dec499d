package com.lakehouse.catalogd.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.lakehouse.shared.catalog.ColumnTypes;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.text.Utf8;

/**
 * A register request that passed validation at the edge: everything below this point can trust
 * its fields. Nothing of an invalid body reaches the catalog (SPEC §2: a request that fails
 * validation changes nothing): a malformed body is a 400, a field past its bound ({@link RegisterLimits})
 * or a column type outside the closed grammar of {@link ColumnTypes} a 422 (413 for too many objects),
 * each naming the field and the limit.
 *
 * <p>The schema fingerprint is computed here with {@link SchemaFingerprint}, never taken on trust: a
 * request may leave {@code schema_fingerprint} out, and one that sends another (well-formed) value has
 * it replaced by the schema's own, so the stored fingerprint always matches the stored schema and
 * clients that hash differently (older ones, tests) keep working; what they get back is catalogd's.
 */
public record Registration(String name, String schemaFingerprint, List<SchemaColumn> schema,
        List<DataObject> objects, Mode mode) {

    /** {@code replace} swaps the object list; {@code append} adds the objects not already present. */
    public enum Mode { REPLACE, APPEND }

    private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public Registration {
        schema = List.copyOf(schema);
        objects = List.copyOf(objects);
    }

    /** Validates a wire request against the default limits. */
    public static Registration of(RegisterRequest request) {
        return of(request, RegisterLimits.DEFAULTS);
    }

    /** Validates a wire request; a missing mode means {@code replace}, a missing fingerprint is computed. */
    public static Registration of(RegisterRequest request, RegisterLimits limits) {
        if (request == null) {
            throw new InvalidRequestException("a register needs a JSON body");
        }
        String name = DatasetNames.require(request.name());
        if (request.schemaFingerprint() != null && !FINGERPRINT.matcher(request.schemaFingerprint()).matches()) {
            throw new InvalidRequestException("schema_fingerprint must be 64 lowercase hex characters (SHA-256)");
        }
        Mode mode = mode(request.mode());
        checkSchema(request.schema(), limits);
        checkObjects(request.objects(), limits);
        // catalogd's own fingerprint, whatever the caller sent (a well-formed one is replaced, not trusted)
        String fingerprint = SchemaFingerprint.of(request.schema());
        return new Registration(name, fingerprint, request.schema(), request.objects(), mode);
    }

    private static Mode mode(String mode) {
        if (mode == null || mode.equals("replace")) {
            return Mode.REPLACE;
        }
        if (mode.equals("append")) {
            return Mode.APPEND;
        }
        throw new InvalidRequestException("mode must be 'replace' or 'append', not '"
                + printable(mode, 40) + "'");
    }

    private static void checkSchema(List<SchemaColumn> schema, RegisterLimits limits) {
        if (schema.isEmpty()) {
            throw new InvalidRequestException("schema must list at least one column");
        }
        if (schema.size() > limits.maxColumns()) {
            throw new RegisterBound("schema", limits.maxColumns(), "max_columns").unprocessable("has " + schema.size() + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schema.size(); i++) {
            SchemaColumn column = schema.get(i);
            if (column == null || isBlank(column.name()) || isBlank(column.type())) {
                throw new InvalidRequestException("schema[" + i + "] needs a name and a type");
            }
            String field = "schema[" + i + "]";
            int nameBytes = bytes(column.name());
            if (nameBytes > limits.maxColumnNameBytes()) {
                throw new RegisterBound(field + ".name", limits.maxColumnNameBytes(), "max_column_name_bytes")
                        .unprocessable("is " + nameBytes + " bytes");
            }
            if (CONTROL.matcher(column.name()).find()) {
                throw new UnprocessableException(field + ".name holds a control character",
                        rule(field + ".name", "no control characters"));
            }
            if (!ColumnTypes.isValid(column.type())) {
                throw new UnprocessableException(field + ".type '" + printable(column.type(), 80) + "' of column '"
                        + printable(column.name(), 80) + "' is not a DuckDB type name of the closed grammar (SPEC §5: "
                        + "BIGINT, DOUBLE, VARCHAR, DECIMAL(p,s), TIMESTAMP, T[] and the like)",
                        rule(field + ".type", "a DuckDB type name of the closed grammar (SPEC §5)"));
            }
            if (!seen.add(column.name())) {
                throw new InvalidRequestException("schema names column '" + printable(column.name(), 80) + "' twice");
            }
        }
    }

    private static void checkObjects(List<DataObject> objects, RegisterLimits limits) {
        if (objects.size() > limits.maxObjects()) {
            throw tooManyObjects(objects.size(), limits);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            DataObject object = objects.get(i);
            String field = "objects[" + i + "]";
            if (object == null || isBlank(object.key())) {
                throw new InvalidRequestException(field + " needs a non-empty key");
            }
            bounded(field + ".key", object.key(), limits.maxObjectKeyBytes(), "max_object_key_bytes");
            if (CONTROL.matcher(object.key()).find()) {
                throw new UnprocessableException(field + ".key holds a control character",
                        rule(field + ".key", "no control characters"));
            }
            if (object.etag() != null) {
                bounded(field + ".etag", object.etag(), limits.maxEtagBytes(), "max_etag_bytes");
            }
            inRange(field + ".size", object.size());
            inRange(field + ".row_count", object.rowCount());
            if (!seen.add(object.key())) {
                throw new InvalidRequestException("objects list key '" + printable(object.key(), 80) + "' twice");
            }
        }
    }

    public static PayloadTooLargeException tooManyObjects(long count, RegisterLimits limits) {
        return new RegisterBound("objects", limits.maxObjects(), "max_objects")
                .tooLarge("holds " + count + " objects (counted per register and per dataset version)");
    }

    private static void bounded(String field, String value, int limit, String key) {
        int n = bytes(value);
        if (n > limit) {
            throw new RegisterBound(field, limit, key).unprocessable("is " + n + " bytes");
        }
    }

    private static void inRange(String field, long value) {
        if (value < 0 || value > RegisterLimits.MAX_COUNT) {
            throw new RegisterBound(field, RegisterLimits.MAX_COUNT, null)
                    .unprocessable("is " + value + "; it must be between 0 and 2^53-1");
        }
    }

    /** The members of a refusal by a rule rather than a number: the field, and the rule as its limit. */
    private static Map<String, Object> rule(String field, String rule) {
        return Map.of("field", field, "limit", rule);
    }

    private static int bytes(String value) {
        return Utf8.length(value);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Echoed values are cut short and stripped of control characters. */
    private static String printable(String value, int max) {
        String cut = value.length() > max ? value.substring(0, max) + "..." : value;
        return CONTROL.matcher(cut).replaceAll("?");
    }
}
