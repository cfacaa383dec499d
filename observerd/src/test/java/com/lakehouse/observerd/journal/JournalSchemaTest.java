package com.lakehouse.observerd.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;

class JournalSchemaTest {

    @Test
    void fingerprintFollowsTheIngestdRule() {
        // Expected values computed independently (Python hashlib) over name 0x1F type joined by 0x1E.
        assertThat(SchemaFingerprint.of(List.of(new SchemaColumn("id", "BIGINT", false),
                new SchemaColumn("name", "VARCHAR", true))))
                .isEqualTo("dccc4041e4dfcf1a14fca98ba4db6c10e0f3980e3e638906bd24e64c9d1cc785");
        assertThat(SchemaFingerprint.of(JournalSchema.columns()))
                .isEqualTo("75dcc6f98f232f932031c31ea6b898334789cc01524a3bfd2fd27cef67be8e74");
    }

    @Test
    void nullabilityIsNotPartOfTheFingerprint() {
        assertThat(SchemaFingerprint.of(List.of(new SchemaColumn("a", "VARCHAR", true))))
                .isEqualTo(SchemaFingerprint.of(List.of(new SchemaColumn("a", "VARCHAR", false))));
    }

    @Test
    void everyColumnIsVarcharInSpecOrder() {
        assertThat(JournalSchema.columns()).extracting(SchemaColumn::name).containsExactly("event_id", "timestamp",
                "entity_type", "entity_id", "field", "action", "old_value", "new_value", "actor", "source");
        assertThat(JournalSchema.columns()).extracting(SchemaColumn::type).containsOnly("VARCHAR");
    }
}
