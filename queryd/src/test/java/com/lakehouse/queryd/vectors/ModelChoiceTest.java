package com.lakehouse.queryd.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.http.LakehouseJson;

class ModelChoiceTest {

    private static final JsonNode MODELS = LakehouseJson.mapper().readTree("""
            {"default_model":"all-minilm-l6-v2","models":[
              {"name":"nomic-embed-text","dimension":768},
              {"name":"mxbai-embed-large","dimension":1024},
              {"name":"other-1024","dimension":1024},
              {"name":"all-minilm-l6-v2","dimension":384}]}""");

    @Test
    void theDefaultModelWinsWhenItsDimensionIsTheIndexs() {
        assertThat(ModelChoice.forDimension(MODELS, "resumes", 384)).isEqualTo("all-minilm-l6-v2");
    }

    @Test
    void elseTheFirstListedModelOfThatDimension() {
        assertThat(ModelChoice.forDimension(MODELS, "resumes", 1024)).isEqualTo("mxbai-embed-large");
        assertThat(ModelChoice.forDimension(MODELS, "resumes", 768)).isEqualTo("nomic-embed-text");
    }

    @Test
    void noModelOfTheDimensionIsA400NamingTheIndex() {
        assertThatThrownBy(() -> ModelChoice.forDimension(MODELS, "tiny", 3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("vector index 'tiny' has dimension 3");
    }
}
