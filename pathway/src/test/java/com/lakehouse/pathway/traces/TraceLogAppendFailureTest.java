package com.lakehouse.pathway.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.http.LakehouseJson;

/** An append that fails part-way leaves no partial bytes that would swallow the next line (issue 21). */
class TraceLogAppendFailureTest {

    @TempDir
    Path dir;

    private final AtomicReference<FailingChannel> channel = new AtomicReference<>();

    private TraceLog open() {
        return new TraceLog(dir.resolve("traces.jsonl"), true, TraceLog.QuarantineListener.NONE, c -> {
            FailingChannel failing = new FailingChannel(c);
            channel.set(failing);
            return failing;
        });
    }

    private static Trace trace(String uid) {
        return new Trace(uid, "{\"n\":\"" + uid + "\"}", List.of(), "t", "t", null, false, 0);
    }

    private List<String> replayedUids() {
        List<String> uids = new ArrayList<>();
        try (TraceLog log = new TraceLog(dir.resolve("traces.jsonl"), false)) {
            TraceLog.ReplayReport report = log.replay(e -> uids.add(e.trace().uid()));
            assertThat(report.corrupt() + report.truncated()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uids;
    }

    @Test
    void aFailedAppendIsCutBackSoTheNextAcknowledgedLineSurvivesReplay() throws IOException {
        try (TraceLog log = open()) {
            log.awaitDurable(log.append("add", trace("a")));
            long before = Files.size(log.file());
            channel.get().failNextWriteAfter(17);
            assertThatThrownBy(() -> log.append("add", trace("lost"))).isInstanceOf(UncheckedIOException.class);
            assertThat(Files.size(log.file())).isEqualTo(before);
            log.awaitDurable(log.append("add", trace("b")));
            assertThat(log.lines()).isEqualTo(2);
        }
        assertThat(replayedUids()).containsExactly("a", "b");
    }

    @Test
    void whenEvenTheCutFailsTheNextAppendEndsTheTornLineFirst() throws IOException {
        try (TraceLog log = open()) {
            log.append("add", trace("a"));
            channel.get().failTruncate(true);
            channel.get().failNextWriteAfter(17);
            assertThatThrownBy(() -> log.append("add", trace("lost"))).isInstanceOf(UncheckedIOException.class);
            channel.get().failTruncate(false);
            log.awaitDurable(log.append("add", trace("b")));
        }
        List<String> uids = new ArrayList<>();
        try (TraceLog log = new TraceLog(dir.resolve("traces.jsonl"), false)) {
            TraceLog.ReplayReport report = log.replay(e -> uids.add(e.trace().uid()));
            assertThat(report.corrupt()).isEqualTo(1); // the torn, never acknowledged line
        }
        assertThat(uids).containsExactly("a", "b");
    }

    @Test
    void theStoreAnswers503AndChangesNothing() throws IOException {
        try (TraceLog log = open()) {
            TraceStore store = new TraceStore(log, new TraceSearchIndex(), Clock.systemUTC());
            channel.get().failNextWriteAfter(5);
            assertThatThrownBy(() -> store.add(LakehouseJson.mapper().readTree("{\"x\":1}"), List.of(), false))
                    .isInstanceOf(UnavailableException.class);
            assertThat(store.stats().traces()).isZero();
            String uid = store.add(LakehouseJson.mapper().readTree("{\"x\":2}"), List.of(), false).trace().uid();
            assertThat(replayedUids()).containsExactly(uid);
        }
    }
}
