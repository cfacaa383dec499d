package com.lakehouse.embedd.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;

class ModelCatalogTest {

    private static final ModelInfo MINI = new ModelInfo("all-minilm-l6-v2", 384, "local");
    private static final ModelInfo OTHER = new ModelInfo("other", 8, "local");

    @Test
    void noModelResolvesToTheDefaultAndNamesMatchWithoutCase() {
        ModelCatalog catalog = new ModelCatalog(List.of(MINI, OTHER), "");
        assertThat(catalog.resolve(null)).isEqualTo(MINI);
        assertThat(catalog.resolve("  ")).isEqualTo(MINI);
        assertThat(catalog.resolve("All-MiniLM-L6-v2")).isEqualTo(MINI);
        assertThat(new ModelCatalog(List.of(MINI, OTHER), "other").resolve(null)).isEqualTo(OTHER);
    }

    @Test
    void unknownModelIsABadRequestListingTheKnownOnes() {
        ModelCatalog catalog = new ModelCatalog(List.of(MINI), null);
        assertThatThrownBy(() -> catalog.resolve("nomic-embed-text"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("all-minilm-l6-v2");
    }

    @Test
    void aDefaultTheProviderDoesNotOfferIsAStartupError() {
        assertThatThrownBy(() -> new ModelCatalog(List.of(MINI), "nomic-embed-text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default_model");
    }
}
