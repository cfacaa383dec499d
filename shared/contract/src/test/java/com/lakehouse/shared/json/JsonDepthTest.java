package com.lakehouse.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;

class JsonDepthTest {

    private static JsonNode json(String text) {
        return LakehouseJson.mapper().readTree(text);
    }

    @Test
    void scalarsAreZeroAndContainersCountTheirLevels() {
        assertThat(JsonDepth.of(json("1"))).isZero();
        assertThat(JsonDepth.of(null)).isZero();
        assertThat(JsonDepth.of(json("[]"))).isEqualTo(1);
        assertThat(JsonDepth.of(json("{\"a\":[1,{\"b\":[[]]}]}"))).isEqualTo(5);
    }

    @Test
    void aDeepDocumentIsMeasuredWithoutRecursion() {
        String deep = "[".repeat(400) + "]".repeat(400);
        assertThat(JsonDepth.of(json(deep))).isEqualTo(400);
    }

    @Test
    void textDepthCountsBracketsOutsideStrings() {
        assertThat(JsonDepth.ofText("1")).isZero();
        assertThat(JsonDepth.ofText("{\"a\":[{}]}")).isEqualTo(3);
        assertThat(JsonDepth.ofText("\"\\\"[\"")).isZero();
        assertThat(JsonDepth.ofText("plain text")).isZero();
    }

    @Test
    void utf8DepthIsTheParsedDepth() {
        for (String text : new String[] {"{\"é[\":[1,{\"b\":[[]]}]}", "[\"ü\\\"]\",[[\"😀\"]]]", "\"x\"", "[]"}) {
            assertThat(JsonDepth.ofUtf8(text.getBytes(StandardCharsets.UTF_8)))
                    .as(text).isEqualTo(JsonDepth.of(json(text))).isEqualTo(JsonDepth.ofText(text));
        }
    }

    @Test
    void overTheLimitIsRefusedNamingFieldAndLimit() {
        JsonDepth.requireAtMost(json("[[1]]"), 2, "content", "max_content_depth");
        assertThatThrownBy(() -> JsonDepth.requireAtMost(json("[[[1]]]"), 2, "content", "max_content_depth"))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("content").hasMessageContaining("limit is 2")
                .satisfies(e -> assertThat(((UnprocessableException) e).details())
                        .containsEntry("field", "content").containsEntry("limit", 2));
    }
}
