package com.lakehouse.shared.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaFingerprintTest {

    @Test
    void hashesNameUnitSeparatorTypeJoinedByRecordSeparator() {
        // Expected values computed independently: sha256("id\x1fBIGINT\x1ename\x1fVARCHAR").
        assertThat(SchemaFingerprint.of(List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("name", "VARCHAR", true))))
                .isEqualTo("dccc4041e4dfcf1a14fca98ba4db6c10e0f3980e3e638906bd24e64c9d1cc785");
        assertThat(SchemaFingerprint.of(List.of(new SchemaColumn("naïve ✓", "DATE", true))))
                .isEqualTo("fdda9bdadc0d5d2c4bf93ba126b60e9d5426817156df4dbe66b8694148333960");
    }

    @Test
    void namesWithCommasDoNotCollideWithColumnBoundaries() {
        String one = SchemaFingerprint.of(List.of(new SchemaColumn("a,b", "DOUBLE", false)));
        String two = SchemaFingerprint.of(List.of(new SchemaColumn("a", "b,DOUBLE", false)));
        assertThat(one).isEqualTo("5171be44c5c203db836569b1d922a84c9490237344a5bf929fe97b5dc1f0035b");
        assertThat(two).isEqualTo("142412f3d117ae03633dc70e611ccf61a42f0e1bb1853a2b485bccf21a3ecf14").isNotEqualTo(one);
    }

    @Test
    void nullabilityIsNotPartOfIt() {
        assertThat(SchemaFingerprint.of(List.of(new SchemaColumn("x", "BIGINT", true))))
                .isEqualTo(SchemaFingerprint.of(List.of(new SchemaColumn("x", "BIGINT", false))));
    }

    @Test
    void columnOrderAndTypeMatter() {
        SchemaColumn a = new SchemaColumn("a", "BIGINT", false);
        SchemaColumn b = new SchemaColumn("b", "BIGINT", false);
        assertThat(SchemaFingerprint.of(List.of(a, b))).isNotEqualTo(SchemaFingerprint.of(List.of(b, a)));
        assertThat(SchemaFingerprint.of(List.of(a))).isNotEqualTo(SchemaFingerprint.of(List.of(new SchemaColumn("a", "DOUBLE", false))));
        assertThat(SchemaFingerprint.of(List.of(a))).matches("[0-9a-f]{64}");
    }
}
