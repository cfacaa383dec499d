package com.lakehouse.observerd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.journal.JournalEvent;

class JournalEventsTest {

    private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.5Z");

    private static JournalEvent event(String id, String ts, String type, String entity, String action, String actor,
            String source) {
        return new JournalEvent(id, ts, type, entity, null, action, null, "{}", actor, source);
    }

    @Test
    void completeEventsKeepTheirValuesWithTimestampsInOneFixedForm() {
        List<JournalEvent> out = JournalEvents.normalize(List.of(
                event("a", "2026-01-02T03:04:05Z", "dataset", "sales", "register", "token:primary", "catalogd"),
                event("b", "2026-01-02T03:04:05.123Z", "dataset", "sales", "delete", "anonymous", "catalogd")),
                "unknown", NOW);
        assertThat(out.get(0)).isEqualTo(event("a", "2026-01-02T03:04:05.000000Z", "dataset", "sales", "register",
                "token:primary", "catalogd"));
        assertThat(out.get(1).timestamp()).isEqualTo("2026-01-02T03:04:05.123000Z");
        // Text order is time order once normalised (it is not for Instant.toString's variable width).
        assertThat(out.get(0).timestamp()).isLessThan(out.get(1).timestamp());
    }

    @Test
    void missingOptionalMembersGetDefaults() {
        JournalEvent out = JournalEvents.normalize(List.of(event(null, null, "trace", "t1", "add", null, null)),
                "unknown", NOW).get(0);
        assertThat(out.eventId()).hasSize(36);
        assertThat(out.timestamp()).isEqualTo("2026-05-06T07:08:09.500000Z");
        assertThat(out.actor()).isEqualTo("anonymous");
        assertThat(out.source()).isEqualTo("unknown");
    }

    @Test
    void requiredMembersAreNamedWithTheEventIndex() {
        List<JournalEvent> batch = List.of(event("a", null, "dataset", "x", "add", null, null),
                event("b", null, "dataset", " ", "add", null, null));
        assertThatThrownBy(() -> JournalEvents.normalize(batch, "unknown", NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessage("events[1].entity_id is required");
        assertThatThrownBy(() -> JournalEvents.normalize(List.of(event("a", null, null, "x", "add", null, null)),
                "unknown", NOW)).hasMessageContaining("entity_type");
        assertThatThrownBy(() -> JournalEvents.normalize(List.of(event("a", null, "d", "x", "", null, null)),
                "unknown", NOW)).hasMessageContaining("action");
    }

    @Test
    void badTimestampsEmptyAndNullBatchesAreRefused() {
        assertThatThrownBy(() -> JournalEvents.normalize(List.of(event("a", "yesterday", "d", "x", "add", null, null)),
                "unknown", NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> JournalEvents.normalize(List.of(), "unknown", NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> JournalEvents.normalize(null, "unknown", NOW))
                .isInstanceOf(InvalidRequestException.class);
        List<JournalEvent> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> JournalEvents.normalize(withNull, "unknown", NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("events[0]");
    }

    @Test
    void oversizedBatchesAndNamesAreRefused() {
        JournalEvent one = event("a", null, "d", "x", "add", null, null);
        assertThatThrownBy(() -> JournalEvents.normalize(Collections.nCopies(JournalEvents.MAX_EVENTS + 1, one),
                "unknown", NOW)).isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("journal_max_events");
        assertThatThrownBy(() -> JournalEvents.normalize(List.of(event("a", null, "d", "x".repeat(1025), "add", null,
                null)), "unknown", NOW)).isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("entity_id");
    }
}
