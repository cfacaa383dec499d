package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * A log line that replay (or recovery from a snapshot) cannot apply never stops pathway from
 * starting: it is copied aside, counted, and /health says degraded (issue 20).
 */
class TraceQuarantineTest {

    @TempDir
    Path dir;

    private static final String HUGE_TAG = "t".repeat(TraceBounds.LUCENE_MAX_TERM_BYTES + 1);
    /** What the old pathway wrote before answering 500: a tag Lucene cannot index. */
    private static final String HUGE_TAG_LINE = "{\"op\":\"add\",\"trace\":{\"uid\":\"huge\",\"content\":{\"n\":1},\"tags\":[\""
            + HUGE_TAG + "\"]}}";

    private Path logFile() {
        return dir.resolve("traces.jsonl");
    }

    private TraceStore open(HealthState health, boolean snapshot) {
        TraceLog log = new TraceLog(logFile(), false, (where, reason) -> health.quarantined("trace log", where, reason));
        return new TraceStore(log, new TraceSearchIndex(), Clock.systemUTC(),
                snapshot ? dir.resolve("traces.snapshot") : null);
    }

    private void appendByHand(String... lines) throws IOException {
        Files.writeString(logFile(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void unappliableLinesAreQuarantinedAndTheOtherTracesServed() throws Exception {
        TraceStore first = open(new HealthState(), false);
        String before = first.add(LakehouseJson.mapper().readTree("{\"note\":\"before\"}"), List.of("a"), false).trace().uid();
        String after = "after-uid";
        appendByHand(HUGE_TAG_LINE, "{not json", "{\"op\":\"add\",\"trace\":{\"uid\":\"cut",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"after-uid\",\"content\":{\"note\":\"after\"},\"tags\":[\"b\"]}}");

        HealthState health = new HealthState();
        TraceStore store = open(health, false);

        assertThat(store.get(before).tags()).containsExactly("a");
        assertThat(store.get(after).tags()).containsExactly("b");
        assertThat(store.search("after", null, 10)).hasSize(1);
        assertThat(store.stats().traces()).isEqualTo(2);
        assertThat(store.stats().quarantined()).isEqualTo(3);
        assertThat(store.stats().replay().corrupt()).isEqualTo(3);
        assertThat(health.snapshot().status()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.snapshot().quarantined()).isEqualTo(3);
        // Kept aside, never deleted: the three lines, as they were.
        List<String> kept = Files.readAllLines(dir.resolve("traces.quarantine.jsonl"));
        assertThat(kept).containsExactly(HUGE_TAG_LINE, "{not json", "{\"op\":\"add\",\"trace\":{\"uid\":\"cut");
        // And the store still takes writes.
        store.add(LakehouseJson.mapper().readTree("3"), List.of(), false);
    }

    @Test
    void aTornLastLineIsKeptAsideButIsNotAQuarantinedRecord() throws Exception {
        TraceStore first = open(new HealthState(), false);
        first.add(LakehouseJson.mapper().readTree("1"), List.of(), false);
        Files.writeString(logFile(), "{\"op\":\"add\",\"tra", StandardOpenOption.APPEND);

        HealthState health = new HealthState();
        TraceStore store = open(health, false);

        assertThat(store.stats().replay().truncated()).isEqualTo(1);
        assertThat(health.snapshot().status()).isEqualTo(HealthState.OK);
        assertThat(Files.readAllLines(dir.resolve("traces.quarantine.jsonl"))).containsExactly("{\"op\":\"add\",\"tra");
    }

    @Test
    void aLineAfterTheSnapshotThatCannotBeAppliedIsQuarantinedToo() throws Exception {
        TraceStore first = open(new HealthState(), true);
        String uid = first.add(LakehouseJson.mapper().readTree("{\"k\":\"snap\"}"), List.of(), false).trace().uid();
        first.snapshot();
        appendByHand(HUGE_TAG_LINE, "{\"op\":\"teleport\",\"trace\":{\"uid\":\"x\",\"content\":1}}");

        HealthState health = new HealthState();
        TraceStore store = open(health, true);

        assertThat(store.get(uid).content()).isEqualTo("{\"k\":\"snap\"}");
        assertThat(store.stats().traces()).isEqualTo(1);
        assertThat(health.snapshot().quarantined()).isEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("traces.quarantine.jsonl"))).hasSize(2);
        // The quarantine starts a snapshot in the background: join it before @TempDir is deleted.
        store.close();
    }

    @Test
    void theSnapshotWrittenAfterAQuarantineCoversItSoTheNextStartIsClean() throws Exception {
        TraceStore first = open(new HealthState(), true);
        String uid = first.add(LakehouseJson.mapper().readTree("{\"k\":1}"), List.of(), false).trace().uid();
        first.close();
        appendByHand(HUGE_TAG_LINE);

        HealthState health = new HealthState();
        TraceStore second = open(health, true);
        assertThat(health.snapshot().quarantined()).isEqualTo(1);
        second.close(); // joins the snapshot written after the quarantine (and writes none again)

        HealthState later = new HealthState();
        TraceStore third = open(later, true);
        assertThat(later.snapshot().status()).isEqualTo(HealthState.OK);
        assertThat(third.get(uid).content()).isEqualTo("{\"k\":1}");
        assertThat(third.stats().replay().corrupt()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("traces.quarantine.jsonl"))).hasSize(1);
    }
}
