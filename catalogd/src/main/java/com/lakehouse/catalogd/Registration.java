package com.lakehouse.catalogd;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * A register request that passed validation at the edge: everything below this point can trust
 * its fields. Invalid bodies are refused with 400 before the catalog is touched (SPEC §2: a
 * request that fails validation changes nothing).
 */
public record Registration(String name, String schemaFingerprint, List<SchemaColumn> schema,
        List<DataObject> objects, Mode mode) {

    /** {@code replace} swaps the object list; {@code append} adds the objects not already present. */
    public enum Mode { REPLACE, APPEND }

    private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{64}$");

    public Registration {
        schema = List.copyOf(schema);
        objects = List.copyOf(objects);
    }

    /** Validates a wire request; a missing mode means {@code replace}. */
    public static Registration of(RegisterRequest request) {
        if (request == null) {
            throw new InvalidRequestException("a register needs a JSON body");
        }
        String name = DatasetNames.require(request.name());
        if (request.schemaFingerprint() == null || !FINGERPRINT.matcher(request.schemaFingerprint()).matches()) {
            throw new InvalidRequestException("schema_fingerprint must be 64 lowercase hex characters (SHA-256)");
        }
        checkSchema(request.schema());
        checkObjects(request.objects());
        return new Registration(name, request.schemaFingerprint(), request.schema(), request.objects(),
                mode(request.mode()));
    }

    private static Mode mode(String mode) {
        if (mode == null || mode.equals("replace")) {
            return Mode.REPLACE;
        }
        if (mode.equals("append")) {
            return Mode.APPEND;
        }
        throw new InvalidRequestException("mode must be 'replace' or 'append', not '"
                + mode.substring(0, Math.min(mode.length(), 40)) + "'");
    }

    private static void checkSchema(List<SchemaColumn> schema) {
        if (schema.isEmpty()) {
            throw new InvalidRequestException("schema must list at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schema.size(); i++) {
            SchemaColumn column = schema.get(i);
            if (column == null || isBlank(column.name()) || isBlank(column.type())) {
                throw new InvalidRequestException("schema[" + i + "] needs a name and a type");
            }
            if (!seen.add(column.name())) {
                throw new InvalidRequestException("schema names column '" + column.name() + "' twice");
            }
        }
    }

    private static void checkObjects(List<DataObject> objects) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            DataObject object = objects.get(i);
            if (object == null || isBlank(object.key())) {
                throw new InvalidRequestException("objects[" + i + "] needs a non-empty key");
            }
            if (object.size() < 0 || object.rowCount() < 0) {
                throw new InvalidRequestException("objects[" + i + "] has a negative size or row_count");
            }
            if (!seen.add(object.key())) {
                throw new InvalidRequestException("objects list key '" + object.key() + "' twice");
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
