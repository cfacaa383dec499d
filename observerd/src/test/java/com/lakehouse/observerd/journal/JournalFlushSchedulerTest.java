package com.lakehouse.observerd.journal;

import static com.lakehouse.observerd.journal.JournalTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/** flush_every, flush_rows and the shutdown flush, with storaged and catalogd as mocks. */
class JournalFlushSchedulerTest {

    @TempDir
    Path dir;

    private final StorageClient storage = mock(StorageClient.class);
    private final CatalogClient catalog = mock(CatalogClient.class);
    private final AtomicInteger puts = new AtomicInteger();
    private JournalFlushScheduler scheduler;
    private WriteAheadLog wal;

    private JournalFlushScheduler scheduler(Duration every) {
        when(storage.put(anyString(), any(Path.class))).thenAnswer(call -> {
            puts.incrementAndGet();
            return new StoredObject(call.getArgument(0), 1, "e", null);
        });
        when(catalog.manifest(any())).thenThrow(new NotFoundException("none"));
        when(catalog.register(any())).thenReturn(new RegisterResponse(RegisterResponse.CREATED, null));
        wal = new WriteAheadLog(dir, Clock.systemUTC());
        JournalRegistration registration = new JournalRegistration(catalog, dir);
        JournalFlusher flusher = new JournalFlusher(wal, new JournalParquetWriter(dir.resolve("tmp")), storage,
                registration, Clock.systemUTC(), dir);
        scheduler = new JournalFlushScheduler(wal, registration, flusher, every);
        return scheduler;
    }

    @AfterEach
    void tearDown() {
        if (scheduler != null && scheduler.isRunning()) {
            scheduler.stop();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void flushEveryStoresWhatWaits() throws Exception {
        scheduler(Duration.ofMillis(100)).start();
        wal.append(List.of(event(1)));
        await(() -> wal.bufferedCount() == 0);
        assertThat(puts.get()).isEqualTo(1);
    }

    @Test
    void startFlushesWhatAPreviousRunLeftAndRequestFlushDoesNotWaitForTheTimer() throws Exception {
        WriteAheadLog previous = new WriteAheadLog(dir, Clock.systemUTC());
        previous.open();
        previous.append(List.of(event(1), event(2)));
        scheduler(Duration.ofHours(1)).start();
        await(() -> wal.bufferedCount() == 0);
        assertThat(puts.get()).isEqualTo(1);

        wal.append(List.of(event(3)));
        scheduler.requestFlush();
        await(() -> wal.bufferedCount() == 0);
        assertThat(puts.get()).isEqualTo(2);
    }

    @Test
    void afterAFailedFlushRowRequestsWaitForTheRetryDelay() throws Exception {
        scheduler(Duration.ofHours(1));
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(call -> {
            attempts.incrementAndGet();
            throw new UnavailableException("storaged is unreachable");
        }).when(storage).put(anyString(), any(Path.class));
        WriteAheadLog previous = new WriteAheadLog(dir, Clock.systemUTC());
        previous.open();
        previous.append(List.of(event(1)));
        // The start-up flush fails: storaged is down.
        scheduler.start();
        await(() -> attempts.get() == 1);
        for (int i = 0; i < 20; i++) {
            wal.append(List.of(event(i)));
            scheduler.requestFlush();
        }
        Thread.sleep(200);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(wal.bufferedCount()).isEqualTo(21);
    }

    @Test
    void stopFlushesTheRest() throws Exception {
        scheduler(Duration.ofHours(1)).start();
        wal.append(List.of(event(1)));
        scheduler.stop();
        assertThat(scheduler.isRunning()).isFalse();
        assertThat(wal.bufferedCount()).isZero();
        assertThat(puts.get()).isEqualTo(1);
    }
}
