package com.lakehouse.mcpd.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextCellsTest {

    @Test
    void rendersCellsOnOneShortLine() {
        assertThat(TextCells.cell(null, 10)).isEqualTo("null");
        assertThat(TextCells.cell(42, 10)).isEqualTo("42");
        assertThat(TextCells.cell("a\nb\tc", 10)).isEqualTo("a b c");
        assertThat(TextCells.cell("abcdefghijkl", 5)).isEqualTo("abcde… (12 chars)");
        assertThat(TextCells.cell(List.of("x", "y"), 20)).isEqualTo("[\"x\",\"y\"]");
        assertThat(TextCells.json(Map.of(), 10)).isEqualTo("{}");
        assertThat(TextCells.isLong("abc", 2)).isTrue();
        assertThat(TextCells.isLong(12345, 2)).isFalse();
    }
}
