package com.lakehouse.catalogd;

import java.util.ArrayList;
import java.util.List;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;

/** Register bodies for tests. */
final class CatalogFixtures {

    static final String FP_A = "a".repeat(64);
    static final String FP_B = "b".repeat(64);

    private CatalogFixtures() {
    }

    static List<SchemaColumn> schema() {
        return List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("city", "VARCHAR", true));
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
