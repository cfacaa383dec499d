package com.lakehouse.catalogd.catalog;

import static com.lakehouse.catalogd.catalog.CatalogFixtures.FP_A;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.objects;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.request;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;

class RegistrationTest {

    @Test
    void acceptsAValidBodyAndDefaultsToReplace() {
        Registration registration = Registration.of(request("orders", FP_A, null, "k1", "k2"));
        assertThat(registration.mode()).isEqualTo(Registration.Mode.REPLACE);
        assertThat(registration.objects()).hasSize(2);
        assertThat(Registration.of(request("orders", FP_A, "append", "k1")).mode()).isEqualTo(Registration.Mode.APPEND);
    }

    @Test
    void acceptsAnEmptyObjectList() {
        assertThat(Registration.of(request("orders", FP_A, "replace")).objects()).isEmpty();
    }

    @Test
    void refusesBadNames() {
        assertInvalid(request("Orders", FP_A, null, "k"), "invalid dataset name");
        assertInvalid(request(null, FP_A, null, "k"), "invalid dataset name");
    }

    @Test
    void refusesFingerprintsThatAreNotLowercaseSha256Hex() {
        assertInvalid(request("orders", "A".repeat(64), null, "k"), "schema_fingerprint");
        assertInvalid(request("orders", "a".repeat(63), null, "k"), "schema_fingerprint");
        assertInvalid(request("orders", "g".repeat(64), null, "k"), "schema_fingerprint");
    }

    @Test
    void computesTheFingerprintItselfReplacingOneThatIsNotTheSchemas() {
        assertThat(Registration.of(request("orders", null, null, "k")).schemaFingerprint())
                .isEqualTo(SchemaFingerprint.of(schema()));
        assertThat(Registration.of(request("orders", "a".repeat(64), null, "k")).schemaFingerprint())
                .isEqualTo(SchemaFingerprint.of(schema()));
        assertThat(Registration.of(request("orders", CatalogFixtures.FP_B, null, "k")).schemaFingerprint())
                .isEqualTo(CatalogFixtures.FP_A);
    }

    @Test
    void refusesTheInjectionTypeNamingTheColumn() {
        String hostile = "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER";
        assertUnprocessable(withSchema(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("evil", hostile, true)),
                "column 'evil'", "schema[1].type");
    }

    @Test
    void acceptsTheTypesIngestdProducesAndRefusesOthers() {
        for (String type : List.of("BIGINT", "DOUBLE", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP", "DECIMAL(18,3)",
                "INTEGER[]", "bigint")) {
            assertThat(Registration.of(withSchema(new SchemaColumn("c", type, true))).schema().getFirst().type())
                    .isEqualTo(type);
        }
        for (String type : List.of("INTEGER; DROP TABLE x", "VARCHAR'", "STRUCT(a INT)", "BIGINT -- x", "FOO")) {
            assertUnprocessable(withSchema(new SchemaColumn("c", type, true)), "schema[0].type", "schema[0].type");
        }
    }

    @Test
    void boundsTheColumnCountAndNameBytes() {
        RegisterLimits limits = new RegisterLimits(2, 4, 10, 100, 100);
        SchemaColumn a = new SchemaColumn("a", "BIGINT", true);
        SchemaColumn b = new SchemaColumn("b", "BIGINT", true);
        SchemaColumn c = new SchemaColumn("c", "BIGINT", true);
        assertThat(Registration.of(withSchema(a, b), limits).schema()).hasSize(2);
        assertUnprocessable(withSchema(a, b, c), limits, "max_columns", "schema");
        assertThat(Registration.of(withSchema(new SchemaColumn("abcd", "BIGINT", true)), limits).schema()).hasSize(1);
        assertUnprocessable(withSchema(new SchemaColumn("abcde", "BIGINT", true)), limits, "max_column_name_bytes",
                "schema[0].name");
        // bytes, not characters: two two-byte characters and one more byte
        assertUnprocessable(withSchema(new SchemaColumn("\u00e9\u00e9x", "BIGINT", true)), limits, "5 bytes", "schema[0].name");
        assertUnprocessable(withSchema(new SchemaColumn("a\u0000b", "BIGINT", true)), "control", "schema[0].name");
    }

    @Test
    void boundsTheObjectCountWith413() {
        RegisterLimits limits = new RegisterLimits(10, 10, 2, 10, 10);
        assertThat(Registration.of(request("orders", FP_A, null, "k1", "k2"), limits).objects()).hasSize(2);
        assertThatThrownBy(() -> Registration.of(request("orders", FP_A, null, "k1", "k2", "k3"), limits))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e).hasMessageContaining("max_objects");
                    assertThat(e.details()).containsEntry("field", "objects").containsEntry("limit", 2);
                });
    }

    @Test
    void boundsObjectKeyAndEtagBytes() {
        RegisterLimits limits = new RegisterLimits(10, 10, 10, 4, 3);
        assertThat(Registration.of(withObjects(new DataObject("abcd", 1, "e12", 1)), limits).objects()).hasSize(1);
        assertUnprocessable(withObjects(new DataObject("abcde", 1, "e", 1)), limits, "max_object_key_bytes", "objects[0].key");
        assertUnprocessable(withObjects(new DataObject("k", 1, "e123", 1)), limits, "max_etag_bytes", "objects[0].etag");
        assertUnprocessable(withObjects(new DataObject("k\n", 1, "e", 1)), "control", "objects[0].key");
    }

    @Test
    void boundsSizesAndRowCountsTo2Pow53() {
        long max = (1L << 53) - 1;
        assertThat(Registration.of(withObjects(new DataObject("k", max, "e", max))).objects()).hasSize(1);
        assertUnprocessable(withObjects(new DataObject("k", max + 1, "e", 1)), "2^53-1", "objects[0].size");
        assertUnprocessable(withObjects(new DataObject("k", 1, "e", max + 1)), "2^53-1", "objects[0].row_count");
        assertUnprocessable(withObjects(new DataObject("k", -1, "e", 1)), "2^53-1", "objects[0].size");
        assertUnprocessable(withObjects(new DataObject("k", 1, "e", Long.MIN_VALUE)), "2^53-1", "objects[0].row_count");
    }

    @Test
    void refusesEmptyOrBrokenSchemas() {
        assertInvalid(new RegisterRequest("orders", FP_A, List.of(), objects("k"), null), "at least one column");
        assertInvalid(new RegisterRequest("orders", FP_A, null, objects("k"), null), "at least one column");
        assertInvalid(new RegisterRequest("orders", FP_A, List.of(new SchemaColumn("", "BIGINT", false)), objects("k"), null),
                "schema[0]");
        assertInvalid(new RegisterRequest("orders", FP_A, List.of(new SchemaColumn("id", null, false)), objects("k"), null),
                "schema[0]");
        assertInvalid(new RegisterRequest("orders", FP_A,
                List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("id", "VARCHAR", true)), objects("k"), null),
                "twice");
    }

    @Test
    void refusesObjectsWithoutKeysOrDuplicates() {
        assertInvalid(new RegisterRequest("orders", FP_A, schema(), List.of(new DataObject("", 1, "e", 1)), null), "objects[0]");
        assertInvalid(new RegisterRequest("orders", FP_A, schema(), List.of(new DataObject(null, 1, "e", 1)), null), "objects[0]");
        assertInvalid(new RegisterRequest("orders", FP_A, schema(), objects("k", "k"), null), "twice");
    }

    @Test
    void refusesUnknownModes() {
        assertInvalid(request("orders", FP_A, "merge", "k"), "mode");
        assertInvalid(request("orders", FP_A, "REPLACE", "k"), "mode");
    }

    @Test
    void refusesAMissingBody() {
        assertThatThrownBy(() -> Registration.of(null)).isInstanceOf(InvalidRequestException.class);
    }

    private static RegisterRequest withSchema(SchemaColumn... columns) {
        return new RegisterRequest("orders", null, List.of(columns), objects("k"), null);
    }

    private static RegisterRequest withObjects(DataObject... objects) {
        return new RegisterRequest("orders", null, schema(), List.of(objects), null);
    }

    private static void assertUnprocessable(RegisterRequest request, String message, String field) {
        assertUnprocessable(request, RegisterLimits.DEFAULTS, message, field);
    }

    private static void assertUnprocessable(RegisterRequest request, RegisterLimits limits, String message, String field) {
        assertThatThrownBy(() -> Registration.of(request, limits))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                    assertThat(e).hasMessageContaining(message);
                    assertThat(e.details()).containsEntry("field", field);
                });
    }

    private static void assertInvalid(RegisterRequest request, String message) {
        assertThatThrownBy(() -> Registration.of(request)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }
}
