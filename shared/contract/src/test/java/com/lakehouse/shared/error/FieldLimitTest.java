package com.lakehouse.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldLimitTest {

    private final FieldLimit tag = new FieldLimit("tags[2]", 256, "max_tag_bytes");

    @Test
    void theDetailNamesTheFieldWhatItIsTheLimitAndItsKey() {
        assertThat(tag.detail("is 300 bytes")).isEqualTo("tags[2] is 300 bytes; the limit is 256 (max_tag_bytes)");
        assertThat(new FieldLimit("name", 128, null).detail("is too long")).isEqualTo("name is too long; the limit is 128");
    }

    @Test
    void eachStatusCarriesFieldAndLimitAsMembers() {
        assertThat(tag.tooLarge("is 300 bytes")).isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("tags[2] is 300 bytes; the limit is 256 (max_tag_bytes)")
                .satisfies(e -> assertThat(e.details()).containsOnly(Map.entry("field", "tags[2]"), Map.entry("limit", 256)));
        assertThat(tag.unprocessable("is deep")).isInstanceOf(UnprocessableException.class)
                .satisfies(e -> assertThat(e.details()).containsEntry("field", "tags[2]").containsEntry("limit", 256));
        assertThat(tag.invalid("is long")).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(e.details()).containsEntry("field", "tags[2]").containsEntry("limit", 256));
    }

    @Test
    void theLimitKeepsItsNumberType() {
        assertThat(new FieldLimit("max_result_bytes", 5000L, null).tooLarge("is exceeded").details())
                .containsEntry("limit", 5000L);
    }

    @Test
    void extraMembersFollowButCannotReplaceFieldOrLimit() {
        assertThat(tag.tooLarge("is 300 bytes", Map.of("index", 2)).details())
                .containsOnly(Map.entry("field", "tags[2]"), Map.entry("limit", 256), Map.entry("index", 2));
        assertThatThrownBy(() -> tag.tooLarge("x", Map.of("limit", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldLimit(null, 1, "k")).isInstanceOf(NullPointerException.class);
    }
}
