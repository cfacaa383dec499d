package com.lakehouse.shared.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class BackgroundSenderTest {

    @Test
    void deliversEverythingInOrder() throws Exception {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try (BackgroundSender<Integer> sender = new BackgroundSender<>("test", 100, 7, delivered::addAll, e -> false)) {
            for (int i = 0; i < 50; i++) {
                sender.send(i);
            }
            await(() -> delivered.size() == 50);
            assertThat(delivered).isSortedAccordingTo(Integer::compare).hasSize(50);
            assertThat(sender.sent()).isEqualTo(50);
            assertThat(sender.dropped()).isZero();
        }
    }

    @Test
    void aDeadRemoteNeverBlocksTheCallerAndTheOldestAreDroppedAndCounted() {
        BackgroundSender<Integer> sender = new BackgroundSender<>("test", 10, 5, batch -> {
            throw new IllegalStateException("remote is down");
        }, e -> false);
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            sender.send(i);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(elapsedMs).as("1000 sends against a dead remote").isLessThan(1000);
        assertThat(sender.dropped()).isGreaterThanOrEqualTo(985);
        assertThat(sender.pending()).isLessThanOrEqualTo(10);
        sender.close(Duration.ofMillis(100));
    }

    @Test
    void retriesWithBackoffUntilTheRemoteReturns() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try (BackgroundSender<Integer> sender = new BackgroundSender<>("test", 100, 10, batch -> {
            if (!up.get()) {
                throw new IllegalStateException("not yet");
            }
            delivered.addAll(batch);
        }, e -> false)) {
            sender.send(1);
            sender.send(2);
            await(() -> sender.failures() >= 2);
            up.set(true);
            await(() -> delivered.size() == 2);
            assertThat(delivered).containsExactly(1, 2);
        }
    }

    @Test
    void closeDeliversWhatIsQueued() {
        CountDownLatch gate = new CountDownLatch(1);
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        BackgroundSender<Integer> sender = new BackgroundSender<>("test", 100, 100, batch -> {
            delivered.addAll(batch);
            gate.countDown();
        }, e -> false);
        sender.send(1);
        sender.send(2);
        sender.close(Duration.ofSeconds(5));

        assertThat(delivered).containsExactly(1, 2);
    }

    @Test
    void aBatchTheRemoteRefusesForGoodIsDroppedAndCountedNotRetried() throws Exception {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try (BackgroundSender<Integer> sender = new BackgroundSender<>("test", 100, 1, batch -> {
            if (batch.contains(1)) {
                throw new com.lakehouse.shared.error.InvalidRequestException("entity_id is required");
            }
            delivered.addAll(batch);
        }, com.lakehouse.shared.http.ServiceClient::isClientError)) {
            sender.send(1);
            sender.send(2);
            await(() -> delivered.contains(2));
            assertThat(sender.rejected()).isEqualTo(1);
            assertThat(sender.failures()).isZero();
            assertThat(delivered).containsExactly(2);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
