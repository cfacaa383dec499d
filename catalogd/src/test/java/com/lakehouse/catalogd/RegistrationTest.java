package com.lakehouse.catalogd;

import static com.lakehouse.catalogd.CatalogFixtures.FP_A;
import static com.lakehouse.catalogd.CatalogFixtures.objects;
import static com.lakehouse.catalogd.CatalogFixtures.request;
import static com.lakehouse.catalogd.CatalogFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.error.InvalidRequestException;

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
        assertInvalid(request("orders", null, null, "k"), "schema_fingerprint");
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
    void refusesObjectsWithoutKeysDuplicatesOrNegativeCounts() {
        assertInvalid(new RegisterRequest("orders", FP_A, schema(), List.of(new DataObject("", 1, "e", 1)), null), "objects[0]");
        assertInvalid(new RegisterRequest("orders", FP_A, schema(), List.of(new DataObject(null, 1, "e", 1)), null), "objects[0]");
        assertInvalid(new RegisterRequest("orders", FP_A, schema(), List.of(new DataObject("k", -1, "e", 1)), null), "negative");
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

    private static void assertInvalid(RegisterRequest request, String message) {
        assertThatThrownBy(() -> Registration.of(request)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }
}
