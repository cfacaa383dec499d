package com.lakehouse.queryd.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lakehouse.shared.catalog.SchemaColumn;

class ViewDefinitionsTest {

    /** The catalog text of issue 20, and its relatives: each would be SQL of its own inside CAST(NULL AS ...). */
    @ParameterizedTest
    @ValueSource(strings = {"INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER",
            "VARCHAR) AS x FROM read_csv('/etc/passwd') --", "INTEGER); DROP VIEW people; --",
            "VARCHAR(getenv('HOME'))", "INTEGER, (SELECT 1)", "INTEGER\nUNION ALL SELECT 1", "STRUCT(a INTEGER)", ""})
    void hostileTypesAreRefusedAndNeverSpliced(String type) {
        List<SchemaColumn> schema = List.of(new SchemaColumn("id", "BIGINT", true), new SchemaColumn("x", type, true));
        assertThat(ViewDefinitions.refusal(schema)).contains("column 2 has a type that is not a DuckDB type name (SPEC §5)");
        assertThatThrownBy(() -> ViewDefinitions.createEmpty("t", schema)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIGINT", "DOUBLE", "VARCHAR", "DECIMAL(18,3)", "VARCHAR[]", "TIMESTAMP WITH TIME ZONE",
            "date", "BOOLEAN", "HUGEINT", "DOUBLE[3]"})
    void validTypesDefineAnEmptyView(String type) {
        List<SchemaColumn> schema = List.of(new SchemaColumn("a \"quoted\" name", type, true));
        assertThat(ViewDefinitions.refusal(schema)).isEmpty();
        assertThat(ViewDefinitions.createEmpty("my view", schema)).contains("CREATE OR REPLACE VIEW \"my view\" AS SELECT CAST(NULL AS "
                + type + ") AS \"a \"\"quoted\"\" name\" WHERE false");
    }

    @org.junit.jupiter.api.Test
    void aColumnWithoutANameIsRefusedAndNoColumnsIsNoView() {
        assertThat(ViewDefinitions.refusal(List.of(new SchemaColumn("", "BIGINT", true)))).contains("column 1 has no name");
        assertThat(ViewDefinitions.refusal(List.of(new SchemaColumn(null, "BIGINT", true)))).contains("column 1 has no name");
        assertThat(ViewDefinitions.refusal(List.of(new SchemaColumn("a", null, true)))).isPresent();
        assertThat(ViewDefinitions.createEmpty("t", List.of())).isEmpty();
    }
}
