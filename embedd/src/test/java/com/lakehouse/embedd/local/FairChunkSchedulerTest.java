package com.lakehouse.embedd.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FairChunkSchedulerTest {

    private final FairChunkScheduler scheduler = new FairChunkScheduler("test", 1);

    @AfterEach
    void close() {
        scheduler.close();
    }

    private static List<Callable<String>> chunks(String job, int count, List<String> log) {
        List<Callable<String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = job + i;
            out.add(() -> {
                log.add(name);
                return name;
            });
        }
        return out;
    }

    @Test
    void resultsComeBackInTaskOrder() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        assertThat(scheduler.submit(chunks("a", 5, log)).await(Duration.ofSeconds(5)))
                .containsExactly("a0", "a1", "a2", "a3", "a4");
    }

    @Test
    void aSmallJobBehindABigOneRunsAfterOneChunkNotAfterTheWholeJob() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        // Hold the only worker so both jobs are queued before anything runs.
        FairChunkScheduler.Job<String> blocker = scheduler.submit(List.of(() -> {
            gate.await();
            return "gate";
        }));
        FairChunkScheduler.Job<String> big = scheduler.submit(chunks("big", 10, log));
        FairChunkScheduler.Job<String> small = scheduler.submit(chunks("small", 2, log));
        gate.countDown();
        small.await(Duration.ofSeconds(5));
        big.await(Duration.ofSeconds(5));
        blocker.await(Duration.ofSeconds(5));
        assertThat(log).startsWith("big0", "small0", "big1", "small1", "big2");
        assertThat(log.indexOf("small1")).isLessThan(log.indexOf("big9"));
    }

    @Test
    void aFailingChunkFailsItsJobAndDropsItsOtherChunks() {
        AtomicInteger ran = new AtomicInteger();
        List<Callable<String>> tasks = new ArrayList<>();
        tasks.add(() -> {
            throw new IllegalStateException("model broke");
        });
        for (int i = 0; i < 5; i++) {
            tasks.add(() -> "ok" + ran.incrementAndGet());
        }
        FairChunkScheduler.Job<String> job = scheduler.submit(tasks);
        assertThatThrownBy(() -> job.await(Duration.ofSeconds(5))).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("model broke");
        assertThat(ran.get()).isZero();
    }

    @Test
    void aTimedOutJobStopsTakingWorkers() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> {
            gate.await();
            return 0;
        });
        for (int i = 0; i < 5; i++) {
            tasks.add(ran::incrementAndGet);
        }
        FairChunkScheduler.Job<Integer> job = scheduler.submit(tasks);
        assertThatThrownBy(() -> job.await(Duration.ofMillis(50))).isInstanceOf(TimeoutException.class);
        gate.countDown();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        scheduler.submit(chunks("next", 1, log)).await(Duration.ofSeconds(5));
        assertThat(ran.get()).isZero();
        assertThat(job.isDone()).isTrue();
    }
}
