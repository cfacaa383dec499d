package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;

class TraceStoreTest {

    @TempDir
    Path dir;

    private TraceLog log;
    private TraceStore store;

    @BeforeEach
    void open() {
        reopen();
    }

    @AfterEach
    void close() throws IOException {
        log.close();
    }

    private void reopen() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException ignored) {
                // reopened below
            }
        }
        log = new TraceLog(dir.resolve("traces.jsonl"), false);
        store = new TraceStore(log, new TraceSearchIndex(), Clock.systemUTC());
    }

    private static JsonNode json(String text) {
        return LakehouseJson.mapper().readTree(text);
    }

    @Test
    void addAssignsAUidAndTimestampsAndKeepsContentAndTags() {
        Trace trace = store.add(json("{\"note\":\"forklift shift swap\"}"), List.of("ops", "ops", "shift"), false).trace();

        assertThat(trace.uid()).isNotBlank();
        assertThat(trace.createdAt()).isEqualTo(trace.updatedAt());
        assertThat(trace.content()).isEqualTo("{\"note\":\"forklift shift swap\"}");
        assertThat(trace.tags()).containsExactly("ops", "shift");
        assertThat(store.get(trace.uid())).isEqualTo(trace);
    }

    @Test
    void nullOrMissingContentIsRejectedAndChangesNothing() {
        assertThatThrownBy(() -> store.add(null, List.of(), false)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store.add(json("null"), List.of(), false)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> store.add(json("1"), List.of(" "), false)).isInstanceOf(InvalidRequestException.class);
        assertThat(store.stats().traces()).isZero();
        assertThat(log.lines()).isZero();
    }

    @Test
    void idempotentAddMatchesCanonicalContentAndKeepsTheOriginal() {
        Trace original = store.add(json("{\"b\": 1, \"a\": {\"y\": [1, 2], \"x\": \"s\"}}"), List.of(), true).trace();

        TraceStore.Added again = store.add(json("{\"a\":{\"x\":\"s\",\"y\":[1,2]},\"b\":1}"), List.of("other"), true);

        assertThat(again.existing()).isTrue();
        assertThat(again.trace().uid()).isEqualTo(original.uid());
        assertThat(again.trace().replayCount()).isEqualTo(1);
        assertThat(again.trace().content()).isEqualTo(original.content());
        assertThat(store.add(json("{\"a\":{\"x\":\"s\",\"y\":[2,1]},\"b\":1}"), List.of(), true).existing()).isFalse();
        assertThat(store.add(json("{\"b\":1,\"a\":{\"x\":\"s\",\"y\":[1,2]}}"), List.of(), false).existing()).isFalse();
    }

    @Test
    void updateReplacesContentUnderTheSameUidAndUnknownIs404() {
        Trace trace = store.add(json("{\"v\":1}"), List.of("a"), false).trace();

        Trace updated = store.update(trace.uid(), json("{\"v\":2}"), null);

        assertThat(updated.uid()).isEqualTo(trace.uid());
        assertThat(updated.content()).isEqualTo("{\"v\":2}");
        assertThat(updated.tags()).containsExactly("a");
        assertThatThrownBy(() -> store.update("nope", json("1"), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void idempotentAddFollowsAnUpdateToTheNewContent() {
        Trace trace = store.add(json("{\"v\":1}"), List.of(), true).trace();
        store.update(trace.uid(), json("{\"v\":2}"), null);

        TraceStore.Added sameAsUpdate = store.add(json("{ \"v\": 2 }"), List.of(), true);
        TraceStore.Added sameAsBefore = store.add(json("{\"v\":1}"), List.of(), true);

        assertThat(sameAsUpdate.existing()).isTrue();
        assertThat(sameAsUpdate.trace().uid()).isEqualTo(trace.uid());
        assertThat(sameAsBefore.existing()).isFalse();
    }

    @Test
    void reviseLinksToItsPredecessorAndHistoryWalksNewestFirst() {
        Trace first = store.add(json("\"v1\""), List.of(), false).trace();
        Trace second = store.revise(first.uid(), json("\"v2\""), null);
        Trace third = store.revise(second.uid(), json("\"v3\""), null);

        TraceStore.History history = store.history(third.uid());

        assertThat(third.predecessor()).isEqualTo(second.uid());
        assertThat(history.chain()).extracting(Trace::uid).containsExactly(third.uid(), second.uid(), first.uid());
        assertThat(history.end()).isEqualTo(TraceStore.HistoryEnd.ORIGIN);
        assertThatThrownBy(() -> store.revise("nope", json("1"), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.history("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void retiredTracesLeaveSearchButStayReadableByGetAndHistory() {
        Trace kept = store.add(json("{\"skill\":\"forklift certified operator\"}"), List.of(), false).trace();
        Trace gone = store.add(json("{\"skill\":\"forklift trainee\"}"), List.of(), false).trace();
        Trace revision = store.revise(gone.uid(), json("{\"skill\":\"welder\"}"), null);

        store.retire(gone.uid());

        assertThat(store.search("forklift", List.of(), 10)).extracting(e -> e.getKey().uid()).containsExactly(kept.uid());
        assertThat(store.get(gone.uid()).retired()).isTrue();
        assertThat(store.history(revision.uid()).chain()).extracting(Trace::uid).contains(gone.uid());
        assertThatThrownBy(() -> store.update(gone.uid(), json("1"), null)).isInstanceOf(ConflictException.class);
        assertThat(store.add(json("{\"skill\":\"forklift trainee\"}"), List.of(), true).existing()).isFalse();
    }

    @Test
    void historyStopsCleanlyAtAMissingPredecessorAndOnACycle() throws IOException {
        Files.writeString(dir.resolve("traces.jsonl"), String.join("\n",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"a\",\"content\":1,\"predecessor\":\"b\"}}",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"b\",\"content\":2,\"predecessor\":\"c\"}}",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"c\",\"content\":3,\"predecessor\":\"a\"}}",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"x\",\"content\":4,\"predecessor\":\"gone\"}}",
                ""));
        reopen();

        TraceStore.History cycle = store.history("a");
        TraceStore.History gap = store.history("x");

        assertThat(cycle.chain()).extracting(Trace::uid).containsExactly("a", "b", "c");
        assertThat(cycle.end()).isEqualTo(TraceStore.HistoryEnd.CYCLE);
        assertThat(gap.chain()).extracting(Trace::uid).containsExactly("x");
        assertThat(gap.end()).isEqualTo(TraceStore.HistoryEnd.MISSING_PREDECESSOR);
    }

    @Test
    void searchRanksByRelevanceFiltersByTagsAndHonoursLimit() {
        store.add(json("{\"text\":\"warehouse associate, some forklift\"}"), List.of("il"), false);
        Trace best = store.add(json("{\"text\":\"forklift forklift operator, forklift certified\"}"), List.of("il"), false).trace();
        store.add(json("{\"text\":\"forklift\",\"extra\":\"pastry chef bakery kitchen croissant\"}"), List.of("tx"), false);
        store.add(json("{\"text\":\"pastry chef\"}"), List.of("il"), false);

        List<Map.Entry<Trace, Float>> ranked = store.search("forklift operator", List.of(), 10);
        List<Map.Entry<Trace, Float>> illinois = store.search("forklift", List.of("il"), 10);

        assertThat(ranked.getFirst().getKey().uid()).isEqualTo(best.uid());
        assertThat(ranked).extracting(Map.Entry::getValue).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(illinois).hasSize(2).allSatisfy(e -> assertThat(e.getKey().tags()).contains("il"));
        assertThat(store.search("forklift", List.of(), 1)).hasSize(1);
        assertThat(store.search("tags match too", List.of(), 10)).isEmpty();
        assertThat(store.search("", List.of("tx"), 10)).hasSize(1);
    }

    @Test
    void tagsAreSearchableText() {
        Trace tagged = store.add(json("{\"note\":\"call back tomorrow\"}"), List.of("recruiting"), false).trace();

        assertThat(store.search("recruiting", List.of(), 5)).extracting(e -> e.getKey().uid()).containsExactly(tagged.uid());
    }

    @Test
    void everyAcknowledgedMutationSurvivesAReopen() {
        Trace a = store.add(json("{\"v\":1}"), List.of("x"), true).trace();
        store.add(json("{\"v\":1}"), List.of(), true);
        store.update(a.uid(), json("{\"v\":2}"), List.of("y"));
        Trace b = store.revise(a.uid(), json("{\"v\":3}"), null);
        store.retire(a.uid());

        reopen();

        Trace reloaded = store.get(a.uid());
        assertThat(reloaded.content()).isEqualTo("{\"v\":2}");
        assertThat(reloaded.tags()).containsExactly("y");
        assertThat(reloaded.retired()).isTrue();
        assertThat(reloaded.replayCount()).isEqualTo(1);
        assertThat(store.get(b.uid()).predecessor()).isEqualTo(a.uid());
        assertThat(store.search("3", List.of(), 10)).extracting(e -> e.getKey().uid()).containsExactly(b.uid());
        assertThat(store.stats().replay().applied()).isEqualTo(5);
    }

    @Test
    void aFailedAppendChangesNothingAndSays503() throws IOException {
        Trace before = store.add(json("1"), List.of(), false).trace();
        log.close();

        assertThatThrownBy(() -> store.add(json("2"), List.of(), false)).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> store.update(before.uid(), json("3"), null)).isInstanceOf(UnavailableException.class);
        assertThat(store.stats().traces()).isEqualTo(1);
        assertThat(store.get(before.uid()).content()).isEqualTo("1");
    }

    @Test
    void returnedTracesAreImmutableCopies() {
        Trace trace = store.add(json("{\"list\":[1]}"), List.of("a"), false).trace();

        assertThatThrownBy(() -> trace.tags().add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.get(trace.uid()).tags()).containsExactly("a");
    }
}
