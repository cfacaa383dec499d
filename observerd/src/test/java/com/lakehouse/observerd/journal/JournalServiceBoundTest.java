package com.lakehouse.observerd.journal;

import static com.lakehouse.observerd.journal.JournalTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.UnavailableException;

/** journal_max_pending: past the bound an append is a 503 with Retry-After and records nothing. */
class JournalServiceBoundTest {

    @TempDir
    Path dir;

    @Test
    void anAppendPastTheBoundIsRefusedWholeWithRetryAfter() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC);
        try (WriteAheadLog wal = new WriteAheadLog(dir, clock)) {
            wal.open();
            // No flusher runs (the scheduler is not started): what is appended stays pending.
            JournalFlushScheduler scheduler = new JournalFlushScheduler(wal, null, null, Duration.ofHours(1));
            JournalService journal = new JournalService(wal, null, null, null, scheduler, 1000, 5, 3_600_000, clock);
            assertThat(journal.append(List.of(event(1), event(2), event(3), event(4)))).isEqualTo(4);

            assertThatThrownBy(() -> journal.append(List.of(event(5), event(6))))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("journal_max_pending")
                    .satisfies(e -> assertThat(((UnavailableException) e).headers()).containsKey("Retry-After"));
            assertThat(wal.bufferedCount()).as("the refused batch left nothing").isEqualTo(4);
            assertThat(journal.append(List.of(event(5)))).as("up to the bound still fits").isEqualTo(1);
        }
    }
}
