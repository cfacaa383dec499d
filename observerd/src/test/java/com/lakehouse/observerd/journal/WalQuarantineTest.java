package com.lakehouse.observerd.journal;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * A WAL record replay cannot apply never stops observerd from starting: it is copied aside, counted
 * and /health says degraded; the other events are replayed (issue 20).
 */
class WalQuarantineTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC);

    @Test
    void unappliableLinesAreSetAsideCountedAndReported() throws IOException {
        WriteAheadLog first = new WriteAheadLog(dir, clock);
        first.append(List.of(JournalTestEvents.event(1)));
        first.close();
        String missingEntity = "{\"event_id\":\"x\",\"timestamp\":\"2026-01-01T00:00:00.000000Z\",\"entity_type\":\"t\","
                + "\"action\":\"add\"}";
        String second = LakehouseJson.mapper().writeValueAsString(JournalTestEvents.event(2));
        Files.writeString(dir.resolve(WriteAheadLog.ACTIVE_FILE), "not json\n" + missingEntity + "\n[1,2]\n" + second
                + "\n{\"event_id\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        HealthState health = new HealthState();
        WriteAheadLog wal = new WriteAheadLog(dir, clock,
                (where, reason) -> health.quarantined("journal write-ahead log", where, reason));
        wal.open();

        assertThat(wal.buffered()).containsExactly(JournalTestEvents.event(1), JournalTestEvents.event(2));
        assertThat(wal.quarantinedLines()).isEqualTo(3);
        assertThat(wal.skippedLines()).isEqualTo(4);
        assertThat(health.snapshot().status()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.snapshot().quarantined()).isEqualTo(3);
        assertThat(Files.readAllLines(dir.resolve(WriteAheadLog.QUARANTINE_FILE)))
                .containsExactly("not json", missingEntity, "[1,2]", "{\"event_id\":\"torn");
        // It keeps working.
        wal.append(List.of(JournalTestEvents.event(3)));
        assertThat(wal.bufferedCount()).isEqualTo(3);
        wal.close();

        // The segment now holds only its good events: the next start sets nothing aside again.
        HealthState later = new HealthState();
        WriteAheadLog again = new WriteAheadLog(dir, clock,
                (where, reason) -> later.quarantined("journal write-ahead log", where, reason));
        again.open();
        assertThat(again.bufferedCount()).isEqualTo(3);
        assertThat(later.snapshot().status()).isEqualTo(HealthState.OK);
        assertThat(Files.readAllLines(dir.resolve(WriteAheadLog.QUARANTINE_FILE))).hasSize(4);
    }
}
