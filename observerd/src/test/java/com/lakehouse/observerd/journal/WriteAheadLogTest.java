package com.lakehouse.observerd.journal;

import static com.lakehouse.observerd.journal.JournalTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.journal.JournalEvent;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC);

    private WriteAheadLog open() throws IOException {
        WriteAheadLog wal = new WriteAheadLog(dir, clock);
        wal.open();
        return wal;
    }

    private Path activeFile() {
        return dir.resolve(WriteAheadLog.ACTIVE_FILE);
    }

    @Test
    void appendedEventsAreOnDiskAsJsonLinesBeforeAppendReturns() throws IOException {
        WriteAheadLog wal = open();
        wal.append(List.of(event(1), event(2)));
        wal.append(List.of(event(3)));
        List<String> lines = Files.readAllLines(activeFile());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"event_id\":\"e1\"").contains("\"entity_type\":\"dataset\"");
        assertThat(WriteAheadLog.read(activeFile()).events()).containsExactly(event(1), event(2), event(3));
        assertThat(wal.bufferedCount()).isEqualTo(3);
        assertThat(wal.activeCount()).isEqualTo(3);
    }

    @Test
    void sealKeepsEventsAppendedAfterIt() throws IOException {
        WriteAheadLog wal = open();
        wal.append(List.of(event(1), event(2)));
        WalSegment segment = wal.seal().orElseThrow();
        wal.append(List.of(event(3)));

        assertThat(segment.events()).containsExactly(event(1), event(2));
        assertThat(segment.objectKey()).startsWith("journal/2026/03/04/20260304T050607089Z-0000000001-").endsWith(".parquet");
        assertThat(wal.buffered()).containsExactly(event(1), event(2), event(3));
        assertThat(wal.activeCount()).isEqualTo(1);

        wal.complete(segment);
        assertThat(Files.exists(segment.path())).isFalse();
        assertThat(wal.buffered()).containsExactly(event(3));
        assertThat(WriteAheadLog.read(activeFile()).events()).containsExactly(event(3));
    }

    @Test
    void sealOfAnEmptyLogSealsNothing() throws IOException {
        WriteAheadLog wal = open();
        assertThat(wal.seal()).isEmpty();
        assertThat(wal.sealedSegments()).isEmpty();
    }

    @Test
    void reopeningReplaysActiveAndSealedEvents() throws IOException {
        WriteAheadLog first = open();
        first.append(List.of(event(1)));
        first.seal();
        first.append(List.of(event(2), event(3)));
        // No close: a kill -9 leaves the files as they are.

        WriteAheadLog second = open();
        assertThat(second.buffered()).containsExactly(event(1), event(2), event(3));
        assertThat(second.sealedSegments()).hasSize(2);
        assertThat(second.activeCount()).isZero();
        assertThat(Files.exists(activeFile())).isFalse();

        second.append(List.of(event(4)));
        WriteAheadLog third = open();
        assertThat(third.buffered()).containsExactly(event(1), event(2), event(3), event(4));
    }

    @Test
    void aLastLineCutShortByACrashIsDroppedAndTheRestReplayed() throws IOException {
        WriteAheadLog first = open();
        first.append(List.of(event(1), event(2)));
        Files.writeString(activeFile(), "{\"event_id\":\"e3\",\"timest", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        WriteAheadLog second = open();
        assertThat(second.buffered()).containsExactly(event(1), event(2));
        assertThat(second.skippedLines()).isEqualTo(1);

        second.append(List.of(event(4)));
        WriteAheadLog third = open();
        assertThat(third.buffered()).containsExactly(event(1), event(2), event(4));
    }

    @Test
    void anAppendAfterABrokenTailStartsANewLine() throws IOException {
        Files.writeString(activeFile(), "{\"event_id\":\"half");
        // Appending to a file whose tail is broken, without a replay in between (channel opened lazily).
        WriteAheadLog wal = new WriteAheadLog(dir, clock);
        wal.open();
        wal.append(List.of(event(1)));
        WriteAheadLog.Replay replay = WriteAheadLog.read(activeFile());
        assertThat(replay.events()).containsExactly(event(1));
    }

    @Test
    void unreadableLinesInTheMiddleAreSkippedNotFatal() throws IOException {
        Files.createDirectories(dir);
        String good = new String(Files.readAllBytes(writeOne(event(1))), StandardCharsets.UTF_8);
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, good + "not json\n\n" + good);
        WriteAheadLog.Replay replay = WriteAheadLog.read(file);
        assertThat(replay.events()).containsExactly(event(1), event(1));
        assertThat(replay.skippedLines()).isEqualTo(1);
    }

    @Test
    void anUnwritableDirectoryFailsTheAppendAndRecordsNothing() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        WriteAheadLog wal = new WriteAheadLog(blocker.resolve("data"), clock);
        assertThatThrownBy(wal::open).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> wal.append(List.of(event(1)))).isInstanceOf(IOException.class);
        assertThat(wal.bufferedCount()).isZero();
    }

    @Test
    void valuesWithNewlinesStayOnOneLine() throws IOException {
        WriteAheadLog wal = open();
        JournalEvent multiline = new JournalEvent("m", "2026-01-01T00:00:00.000000Z", "trace", "t1", "content", "update",
                "\"a\nb\"", "\"c\r\nd\u2028e\"", "anonymous", "pathway");
        wal.append(List.of(multiline, event(2)));
        assertThat(Files.readAllLines(activeFile())).hasSize(2);
        assertThat(open().buffered()).containsExactly(multiline, event(2));
    }

    private Path writeOne(JournalEvent event) throws IOException {
        Path sub = dir.resolve("one");
        WriteAheadLog wal = new WriteAheadLog(sub, clock);
        wal.open();
        wal.append(List.of(event));
        return sub.resolve(WriteAheadLog.ACTIVE_FILE);
    }
}
