package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;

/**
 * The snapshot beside the log: a start from it holds exactly what a replay of the whole log holds,
 * and a snapshot that is corrupt or disagrees with the log is discarded and the state rebuilt.
 */
class TraceSnapshotTest {

    @TempDir
    Path dir;

    private final List<TraceLog> logs = new ArrayList<>();

    @AfterEach
    void closeLogs() throws IOException {
        for (TraceLog log : logs) {
            log.close();
        }
    }

    private Path logFile() {
        return dir.resolve("traces.jsonl");
    }

    private Path snapshotFile() {
        return dir.resolve("traces.snapshot");
    }

    private TraceStore open(boolean withSnapshot) {
        TraceLog log = new TraceLog(logFile(), false);
        logs.add(log);
        return new TraceStore(log, new TraceSearchIndex(), Clock.systemUTC(), withSnapshot ? snapshotFile() : null);
    }

    /** A history with every kind of line: adds, an update, a revision, a retirement, an idempotent replay. */
    private static List<String> populate(TraceStore store, int adds) {
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < adds; i++) {
            uids.add(store.add(json("{\"worker\":\"W-" + i + "\",\"note\":\"forklift shift " + (i % 7) + "\"}"),
                    List.of("site-" + (i % 3)), false).trace().uid());
        }
        store.update(uids.get(0), json("{\"note\":\"crane operator\"}"), null);
        store.revise(uids.get(1), json("{\"note\":\"forklift certified again\"}"), List.of("revised"));
        store.retire(uids.get(2));
        store.add(json("{\"note\":\"forklift shift 3\",\"worker\":\"W-3\"}"), List.of(), true);
        return uids;
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return LakehouseJson.mapper().readTree(text);
    }

    /**
     * What a caller can observe: every trace, what ranked and filtered searches find, the counts.
     * Scores are left out: a restored index keeps the deleted documents of updates until Lucene
     * merges them, so BM25's collection statistics differ slightly from a freshly built one.
     */
    private static String observe(TraceStore store, List<String> uids) {
        StringBuilder out = new StringBuilder();
        for (String uid : uids) {
            out.append(store.get(uid)).append('\n');
        }
        out.append(found(store, "forklift crane", List.of())).append('\n');
        out.append(found(store, "forklift", List.of("site-1"))).append('\n');
        out.append(found(store, "", List.of("revised"))).append('\n');
        TraceStore.Stats stats = store.stats();
        out.append(stats.traces()).append(' ').append(stats.retired()).append(' ').append(stats.logLines()).append(' ')
                .append(stats.logBytes()).append(' ').append(stats.replay());
        return out.toString();
    }

    private static List<String> found(TraceStore store, String query, List<String> tags) {
        return store.search(query, tags, 100).stream().map(hit -> hit.getKey().uid()).sorted().toList();
    }

    @Test
    void aStartFromTheSnapshotHoldsWhatTheLogHolds() throws Exception {
        TraceStore first = open(true);
        List<String> uids = populate(first, 50);
        first.close();
        assertThat(snapshotFile()).exists();

        String fromSnapshot = observe(open(true), uids);
        assertThat(fromSnapshot).isEqualTo(observe(open(false), uids));
    }

    /**
     * The content digests come back with their traces: after a start from the snapshot an
     * idempotent add finds what it found before the stop, also when two live traces share content
     * (the first one holds it) and when the trace holding some content was retired (then none does).
     */
    @Test
    void anIdempotentAddFindsWhatItFoundBeforeTheStop() throws Exception {
        TraceStore first = open(true);
        populate(first, 10);
        String w3 = first.add(json("{\"worker\":\"W-3\",\"note\":\"forklift shift 3\"}"), List.of(), true).trace().uid();
        String shared = "{\"note\":\"same words\"}";
        String a = first.add(json(shared), List.of(), false).trace().uid();
        first.add(json(shared), List.of(), false);
        String other = "{\"note\":\"other words\"}";
        String c = first.add(json(other), List.of(), false).trace().uid();
        first.add(json(other), List.of(), false);
        first.retire(c);
        first.close();

        TraceStore restarted = open(true);
        assertThat(restarted.add(json(shared), List.of(), true)).satisfies(added -> {
            assertThat(added.existing()).isTrue();
            assertThat(added.trace().uid()).isEqualTo(a);
        });
        assertThat(restarted.add(json("{\"note\":\"forklift shift 3\",\"worker\":\"W-3\"}"), List.of(), true).trace().uid())
                .isEqualTo(w3);
        assertThat(restarted.add(json(other), List.of(), true).existing()).isFalse();
        assertThat(restarted.add(json("{\"note\":\"new\"}"), List.of(), true).existing()).isFalse();
    }

    @Test
    void linesWrittenAfterTheSnapshotAreReplayedFromTheLog() throws Exception {
        TraceStore first = open(true);
        List<String> uids = populate(first, 30);
        first.snapshot();
        // Changes after the snapshot, then a crash: no snapshot on the way down.
        uids.add(first.add(json("{\"note\":\"night forklift\"}"), List.of("site-1"), false).trace().uid());
        first.update(uids.get(5), json("{\"note\":\"crane nights\"}"), List.of("site-1"));
        first.retire(uids.get(6));
        first.add(json("{\"note\":\"forklift shift 4\",\"worker\":\"W-4\"}"), List.of(), true);

        TraceStore recovered = open(true);
        assertThat(recovered.get(uids.get(5)).content()).contains("crane nights");
        assertThat(recovered.get(uids.get(6)).retired()).isTrue();
        assertThat(observe(recovered, uids)).isEqualTo(observe(open(false), uids));
    }

    @Test
    void aCorruptSnapshotIsDiscardedAndRebuiltFromTheLog() throws Exception {
        TraceStore first = open(true);
        List<String> uids = populate(first, 40);
        first.close();
        byte[] snapshot = Files.readAllBytes(snapshotFile());
        snapshot[snapshot.length / 2] ^= 0x5a;
        Files.write(snapshotFile(), snapshot);

        TraceStore rebuilt = open(true);
        assertThat(observe(rebuilt, uids)).isEqualTo(observe(open(false), uids));
        rebuilt.close();
        assertThat(Files.readAllBytes(snapshotFile())).isNotEqualTo(snapshot);
        assertThat(observe(open(true), uids)).isEqualTo(observe(open(false), uids));
    }

    @Test
    void aTornSnapshotIsDiscarded() throws Exception {
        TraceStore first = open(true);
        List<String> uids = populate(first, 20);
        first.close();
        try (FileChannel channel = FileChannel.open(snapshotFile(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 3);
        }
        assertThat(observe(open(true), uids)).isEqualTo(observe(open(false), uids));
    }

    @Test
    void aSnapshotOfAnotherLogIsDiscarded() throws Exception {
        TraceStore first = open(true);
        List<String> uids = populate(first, 20);
        first.close();
        // The log's prefix changes under the snapshot, its length kept: the first worker is renamed.
        String log = Files.readString(logFile());
        Files.writeString(logFile(), log.replaceFirst("W-0", "W-9"), StandardCharsets.UTF_8);

        TraceStore rebuilt = open(true);
        assertThat(rebuilt.get(uids.get(0)).content()).contains("crane operator");
        assertThat(observe(rebuilt, uids)).isEqualTo(observe(open(false), uids));
        assertThat(rebuilt.search("W-9", List.of(), 5)).isNotEmpty();
    }

    @Test
    void aLogShorterThanTheSnapshotWinsOverIt() throws Exception {
        TraceStore first = open(true);
        List<String> uids = populate(first, 20);
        first.close();
        // Lines the snapshot reflects are lost (a crash before the OS wrote them): the log wins.
        List<String> lines = Files.readAllLines(logFile());
        Files.write(logFile(), lines.subList(0, 10));

        TraceStore rebuilt = open(true);
        assertThat(rebuilt.stats().traces()).isEqualTo(10);
        assertThat(observe(rebuilt, uids.subList(0, 10))).isEqualTo(observe(open(false), uids.subList(0, 10)));
    }
}
