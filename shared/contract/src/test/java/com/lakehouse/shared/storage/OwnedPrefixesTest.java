package com.lakehouse.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnedPrefixesTest {

    @Test
    void eachStatePrefixHasItsOwner() {
        assertThat(OwnedPrefixes.prefixOf("_catalog/changes/x.parquet")).hasValue("_catalog/");
        assertThat(OwnedPrefixes.mayChange("_catalog/x", "catalogd")).isTrue();
        assertThat(OwnedPrefixes.mayChange("_vectors/x", "vectord")).isTrue();
        assertThat(OwnedPrefixes.mayChange("journal/2026/01/01/x", "observerd")).isTrue();
        assertThat(OwnedPrefixes.mayChange("datasets/a/b.parquet", "ingestd")).isTrue();
        assertThat(OwnedPrefixes.mayChange("datasets/a/metadata/v1.json", "catalogd")).isTrue();
    }

    @Test
    void noHeaderAnotherServiceOrTheGenericCallerCannotChangeOwnedKeys() {
        assertThat(OwnedPrefixes.mayChange("_catalog/x", null)).isFalse();
        assertThat(OwnedPrefixes.mayChange("_catalog/x", "vectord")).isFalse();
        assertThat(OwnedPrefixes.mayChange("_vectors/x", StorageClient.ANY_FLEET_CALLER)).isFalse();
        assertThat(OwnedPrefixes.mayChange("journal/x", "")).isFalse();
        assertThat(OwnedPrefixes.mayChange("datasets/x", "Ingestd")).isFalse();
    }

    @Test
    void otherKeysAreOpen() {
        assertThat(OwnedPrefixes.prefixOf("docs/a")).isEmpty();
        assertThat(OwnedPrefixes.mayChange("docs/a", null)).isTrue();
        assertThat(OwnedPrefixes.mayChange("_catalogue/a", null)).as("a prefix is matched whole").isTrue();
        assertThat(OwnedPrefixes.mayChange("my/_catalog/a", null)).isTrue();
        assertThat(OwnedPrefixes.mayChange("journal", null)).isTrue();
    }
}
