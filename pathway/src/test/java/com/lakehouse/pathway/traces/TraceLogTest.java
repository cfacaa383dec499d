package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLogTest {

    @TempDir
    Path dir;

    private static Trace trace(String uid, String content) {
        return new Trace(uid, content, List.of("t"), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, false, 0);
    }

    @Test
    void appendedLinesReplayInOrderWithTheirContent() throws IOException {
        Path file = dir.resolve("traces.jsonl");
        try (TraceLog log = new TraceLog(file, true)) {
            log.awaitDurable(log.append("add", trace("a", "{\"x\":1}")));
            log.append("update", trace("a", "{\"x\":2}"));
        }
        List<TraceLog.Entry> seen = new ArrayList<>();
        try (TraceLog log = new TraceLog(file, true)) {
            TraceLog.ReplayReport report = log.replay(seen::add);
            assertThat(report.applied()).isEqualTo(2);
        }
        assertThat(seen).extracting(TraceLog.Entry::op).containsExactly("add", "update");
        assertThat(seen.get(1).trace().content()).isEqualTo("{\"x\":2}");
        assertThat(seen.get(1).trace().tags()).containsExactly("t");
    }

    @Test
    void replaySkipsAndCountsCorruptTruncatedAndUnknownLinesWithoutFailing() throws IOException {
        Path file = dir.resolve("traces.jsonl");
        String good = "{\"op\":\"add\",\"trace\":{\"uid\":\"a\",\"content\":{\"k\":\"v\"},\"tags\":[]}}";
        Files.writeString(file, String.join("\n",
                good,
                "this is not json",
                "{\"op\":\"add\"}",
                "{\"op\":\"teleport\",\"trace\":{\"uid\":\"b\",\"content\":1}}",
                "",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"c\",\"content\":[1,2]}}",
                "{\"op\":\"add\",\"trace\":{\"uid\":\"d\",\"cont"), StandardCharsets.UTF_8);

        List<TraceLog.Entry> seen = new ArrayList<>();
        TraceLog.ReplayReport report;
        try (TraceLog log = new TraceLog(file, false)) {
            report = log.replay(seen::add);
            log.append("add", trace("e", "true"));
        }

        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.corrupt()).isEqualTo(3);
        assertThat(report.unknownOp()).isEqualTo(1);
        assertThat(report.truncated()).isEqualTo(1);
        assertThat(seen).extracting(e -> e.trace().uid()).containsExactly("a", "c");
        // The torn line was cut off, so the next append starts a clean line.
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getLast()).startsWith("{\"op\":\"add\",\"trace\":{\"uid\":\"e\"");
        try (TraceLog log = new TraceLog(file, false)) {
            assertThat(log.replay(e -> { }).truncated()).isZero();
        }
    }

    @Test
    void aMissingFileReplaysEmptyAndIsCreated() throws IOException {
        Path file = dir.resolve("nested/dir/traces.jsonl");
        try (TraceLog log = new TraceLog(file, true)) {
            assertThat(log.replay(e -> { }).applied()).isZero();
        }
        assertThat(file).exists();
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        Path file = dir.resolve("traces.jsonl");
        String big = "{\"text\":\"" + "x".repeat(20_000) + "\"}";
        try (TraceLog log = new TraceLog(file, true); ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 400; i++) {
                String uid = "u" + i;
                pool.submit(() -> log.append("add", trace(uid, big)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        try (TraceLog log = new TraceLog(file, true)) {
            TraceLog.ReplayReport report = log.replay(e -> { });
            assertThat(report.applied()).isEqualTo(400);
            assertThat(report.corrupt() + report.truncated()).isZero();
        }
    }
}
