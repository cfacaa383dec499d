package com.lakehouse.observerd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.journal.JournalEvent;

/** Every member of a journal event is bounded, the batch too; the problem names the field and the limit. */
class JournalBoundsTest {

    private static final Instant NOW = Instant.parse("2026-05-06T07:08:09Z");
    private static final JournalLimits LIMITS = new JournalLimits(3, 8, 32, 2);

    private static JournalEvent event(String member, String value) {
        return new JournalEvent(
                member.equals("event_id") ? value : "id",
                null,
                member.equals("entity_type") ? value : "trace",
                member.equals("entity_id") ? value : "t1",
                member.equals("field") ? value : null,
                member.equals("action") ? value : "add",
                member.equals("old_value") ? value : null,
                member.equals("new_value") ? value : null,
                member.equals("actor") ? value : null,
                member.equals("source") ? value : null);
    }

    private static void refused(List<JournalEvent> batch, Class<? extends LakehouseException> type, String field, int limit) {
        assertThatThrownBy(() -> JournalEvents.normalize(batch, LIMITS, "unknown", NOW)).isInstanceOf(type)
                .hasMessageContaining(field)
                .satisfies(e -> assertThat(((LakehouseException) e).details())
                        .containsEntry("field", field).containsEntry("limit", limit));
    }

    @Test
    void everyNameMemberIsBoundedInUtf8Bytes() {
        for (String member : List.of("event_id", "entity_type", "entity_id", "field", "action", "actor", "source")) {
            JournalEvents.normalize(List.of(event(member, "x".repeat(8))), LIMITS, "unknown", NOW);
            refused(List.of(event("action", "add"), event(member, "é".repeat(5))), PayloadTooLargeException.class,
                    "events[1]." + member, 8);
        }
    }

    @Test
    void valuesAreBoundedInBytesAndDepth() {
        for (String member : List.of("old_value", "new_value")) {
            refused(List.of(event(member, "\"" + "v".repeat(40) + "\"")), PayloadTooLargeException.class,
                    "events[0]." + member, 32);
            refused(List.of(event(member, "[[[1]]]")), UnprocessableException.class, "events[0]." + member, 2);
            // Brackets inside strings are text, not nesting; text that is not JSON is kept as it is.
            JournalEvents.normalize(List.of(event(member, "[\"[[[[\"]")), LIMITS, "unknown", NOW);
            JournalEvents.normalize(List.of(event(member, "plain text")), LIMITS, "unknown", NOW);
        }
    }

    @Test
    void theBatchIsBounded() {
        refused(Collections.nCopies(4, event("action", "add")), PayloadTooLargeException.class, "events", 3);
    }
}
