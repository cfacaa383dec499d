package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.journal.JournalClient;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.FakeObserverd;

import tools.jackson.databind.JsonNode;

/** What each trace mutation records, as observerd receives it. */
class TraceJournalTest {

    private static Trace trace(String uid, String content) {
        return new Trace(uid, content, List.of("t"), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, false, 0);
    }

    @Test
    void each_mutation_records_one_trace_event_with_its_action_field_and_values() {
        try (FakeObserverd observerd = FakeObserverd.start();
                JournalClient client = JournalClient.create("pathway", observerd.url(), Optional.empty())) {
            TraceJournal journal = new TraceJournal(client);

            journal.added(new TraceStore.Added(trace("a", "{\"x\":1}"), false), "alice");
            journal.added(new TraceStore.Added(trace("a", "{\"x\":1}"), true), "alice");
            journal.updated("{\"x\":1}", trace("a", "{\"x\":2}"), "bob");
            journal.revised(trace("b", "{\"x\":3}"), "bob");
            journal.retired(trace("b", "{\"x\":3}"), "carol");

            Await.until("five journal events", () -> observerd.events().size() == 5);
            List<JsonNode> events = observerd.events();
            assertThat(events).extracting(e -> e.get("action").asString())
                    .containsExactly("add", "replay", "update", "revise", "retire");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("entity_type").asString()).isEqualTo("trace");
                assertThat(e.get("source").asString()).isEqualTo("pathway");
            });
            assertEvent(events.get(0), "a", "content", null, "{\"x\":1}", "alice");
            assertEvent(events.get(1), "a", "content", null, "{\"x\":1}", "alice");
            assertEvent(events.get(2), "a", "content", "{\"x\":1}", "{\"x\":2}", "bob");
            assertEvent(events.get(3), "b", "content", null, "{\"x\":3}", "bob");
            assertEvent(events.get(4), "b", "retired", "false", "true", "carol");
            assertThat(journal.dropped()).isZero();
        }
    }

    private static void assertEvent(JsonNode event, String uid, String field, String before, String after, String actor) {
        assertThat(event.get("entity_id").asString()).isEqualTo(uid);
        assertThat(event.get("field").asString()).isEqualTo(field);
        assertThat(text(event.get("old_value"))).isEqualTo(before);
        assertThat(text(event.get("new_value"))).isEqualTo(after);
        assertThat(event.get("actor").asString()).isEqualTo(actor);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }
}
