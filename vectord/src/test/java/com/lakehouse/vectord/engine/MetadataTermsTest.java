package com.lakehouse.vectord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;

class MetadataTermsTest {

    @Test
    void scalarsAreTypedAndNumbersCanonical() {
        assertThat(MetadataTerms.of(Map.of("n", 2.0))).containsExactly("n\u0000n:2");
        assertThat(MetadataTerms.of(Map.of("n", 2))).containsExactly("n\u0000n:2");
        assertThat(MetadataTerms.of(Map.of("s", "2"))).containsExactly("s\u0000s:2");
        assertThat(MetadataTerms.of(Map.of("b", true))).containsExactly("b\u0000b:true");
        assertThat(MetadataTerms.of(Map.of("l", List.of("x", 1)))).containsExactly("l\u0000s:x", "l\u0000n:1");
        assertThat(MetadataTerms.of(Map.of("o", Map.of("nested", 1)))).isEmpty();
    }

    @Test
    void filtersNeedScalarValues() {
        assertThat(MetadataTerms.filter(Map.of())).isNull();
        assertThat(MetadataTerms.filter(null)).isNull();
        assertThat(MetadataTerms.filter(Map.of("k", "v"))).isNotNull();
        assertThatThrownBy(() -> MetadataTerms.filter(Map.of("k", Map.of("x", 1)))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MetadataTerms.filter(Map.of("k", List.of()))).isInstanceOf(InvalidRequestException.class);
    }
}
