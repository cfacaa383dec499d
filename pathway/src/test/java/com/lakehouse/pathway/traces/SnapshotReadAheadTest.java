package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;

class SnapshotReadAheadTest {

    @TempDir
    Path dir;

    private TraceStore open(Path log, SnapshotReadAhead readAhead) {
        return new TraceStore(new TraceLog(log, false), new TraceSearchIndex(), Clock.systemUTC(),
                dir.resolve("traces.snapshot"), TraceStore.DEFAULT_BOUNDS, readAhead);
    }

    @Test
    void aStoreStartsFromTheSnapshotReadAhead() throws Exception {
        Path log = dir.resolve("traces.jsonl");
        TraceStore first = open(log, null);
        String uid = first.add(LakehouseJson.mapper().readTree("{\"note\":\"forklift\"}"), List.of("site-1"), false).trace().uid();
        first.close();

        TraceStore second = open(log, SnapshotReadAhead.start(dir.resolve("traces.snapshot"), log));
        assertThat(second.get(uid).tags()).containsExactly("site-1");
        assertThat(second.search("forklift", List.of(), 10)).extracting(hit -> hit.getKey().uid()).containsExactly(uid);
    }

    @Test
    void aReadOfOtherFilesIsNotUsed() throws Exception {
        Path log = dir.resolve("traces.jsonl");
        TraceStore first = open(log, null);
        String uid = first.add(LakehouseJson.mapper().readTree("{\"note\":\"crane\"}"), List.of(), false).trace().uid();
        first.close();
        Path elsewhere = Files.createDirectory(dir.resolve("other"));

        SnapshotReadAhead other = SnapshotReadAhead.start(elsewhere.resolve("traces.snapshot"), elsewhere.resolve("traces.jsonl"));
        assertThat(other.join()).isEmpty();
        assertThat(open(log, other).get(uid)).isNotNull();
    }
}
