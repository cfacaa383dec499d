package com.lakehouse.catalogd.catalog;

import java.util.ArrayList;
import java.util.List;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;

/** Register bodies for tests. */
final class CatalogFixtures {

    /** The fingerprint of {@link #schema()}: catalogd computes it and refuses any other. */
    static final String FP_A = SchemaFingerprint.of(schema());
    /** The fingerprint of {@link #otherSchema()}. */
    static final String FP_B = SchemaFingerprint.of(otherSchema());

    private CatalogFixtures() {
    }

    static List<SchemaColumn> schema() {
        return List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("city", "VARCHAR", true));
    }

    static List<SchemaColumn> otherSchema() {
        return List.of(new SchemaColumn("id", "VARCHAR", false));
    }

    static DataObject object(String key) {
        return new DataObject(key, 100, "etag-" + key, 10);
    }

    static List<DataObject> objects(String... keys) {
        List<DataObject> list = new ArrayList<>();
        for (String key : keys) {
            list.add(object(key));
        }
        return list;
    }

    static RegisterRequest request(String name, String fingerprint, String mode, String... keys) {
        return new RegisterRequest(name, fingerprint, schema(), objects(keys), mode);
    }

    static Registration registration(String name, String fingerprint, String mode, String... keys) {
        return Registration.of(request(name, fingerprint, mode, keys));
    }
}
