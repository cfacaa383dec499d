package com.lakehouse.queryd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.queryd.views.ViewGenerations;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnavailableException;

/** Issue 21: the executor's queue, a result's bytes and DuckDB's spill directory are bounded. */
class BoundsTest {

    @TempDir
    static Path dir;
    private static LockedDownDuckDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new LockedDownDuckDb(dir, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void aFullQueueIs503WithRetryAfterAndNothingWaitsUnbounded() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            QueryExecutor executor = new QueryExecutor(db.engine, new ViewGenerations(), pool, timer, Duration.ofSeconds(30), db.redactor);
            var busy = pool.submit(() -> { release.await(); return null; });     // the one worker is busy
            var waiting = pool.submit(() -> { release.await(); return null; });  // the one queue slot is taken
            assertThatThrownBy(() -> executor.run(db.sandbox.vet("SELECT 1"), 1, new JsonRowsReader(db.redactor, 1000)))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("queue_limit")
                    .satisfies(e -> assertThat(((UnavailableException) e).headers()).containsEntry("Retry-After", "1"));
            release.countDown();
            busy.get();
            waiting.get();
            assertThat(executor.run(db.sandbox.vet("SELECT 1 AS one"), 1, new JsonRowsReader(db.redactor, 1000)).value().rows())
                    .containsExactly(java.util.List.of(1));
        } finally {
            release.countDown();
            pool.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** Issue 21: a client that hangs up has its statement interrupted; the worker is free again. */
    @Test
    void aStatementWhoseClientLeftIsCancelledAndItsWorkerFreed() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        var slow = db.sandbox.vet("SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7");
        long before = db.executor.stats().cancelledOnDisconnect();
        try (var pool = Executors.newSingleThreadExecutor()) {
            var waiting = pool.submit(() -> db.executor.run(slow, 1, new JsonRowsReader(db.redactor, 1000), gone::get));
            com.lakehouse.shared.testing.Await.until("the statement runs", () -> db.executor.stats().running() == 1);
            gone.set(true);
            assertThatThrownBy(waiting::get).hasCauseInstanceOf(UnavailableException.class)
                    .hasMessageContaining("client closed the connection");
        }
        assertThat(db.executor.stats().cancelledOnDisconnect()).isEqualTo(before + 1);
        assertThat(db.executor.stats().running()).isZero();
        assertThat(db.query("SELECT 2 AS two", 1).rows()).containsExactly(java.util.List.of(2));
    }

    @Test
    void aJsonResultPastMaxResultBytesIs413NamingTheLimit() {
        var sql = db.sandbox.vet("SELECT repeat('x', 100) AS s FROM range(100)");
        assertThat(db.executor.run(sql, 1000, new JsonRowsReader(db.redactor, 20_000)).value().rows()).hasSize(100);
        assertThatThrownBy(() -> db.executor.run(sql, 1000, new JsonRowsReader(db.redactor, 5_000)))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("max_result_bytes").hasMessageContaining("the limit is 5000")
                .satisfies(e -> assertThat(((PayloadTooLargeException) e).details()).containsEntry("field", "max_result_bytes")
                        .containsEntry("limit", 5000L));
        // max_rows still truncates first: a small page of a large result is fine.
        assertThat(db.executor.run(sql, 10, new JsonRowsReader(db.redactor, 5_000)).value().truncated()).isTrue();
    }

    @Test
    void anArrowResultPastMaxResultBytesIs413() {
        try (RootAllocator allocator = new RootAllocator()) {
            var sql = db.sandbox.vet("SELECT repeat('x', 100) AS s FROM range(100000)");
            assertThatThrownBy(() -> db.executor.run(sql, 200_000, new ArrowStreamReader(allocator, db.redactor, 100_000)))
                    .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("max_result_bytes");
        }
    }

    @Test
    void theSpillDirectoryHasASizeLimitNoStatementCanChange() throws SQLException {
        try (Connection c = db.engine.connect(); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT current_setting('max_temp_directory_size')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1.0 GiB");
            }
            assertThatThrownBy(() -> st.execute("SET max_temp_directory_size = '100GB'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("SET GLOBAL max_temp_directory_size = '100GB'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("RESET max_temp_directory_size")).isInstanceOf(SQLException.class);
        }
        assertThat(DuckDbEngine.setupStatements(new EngineSettings(dir, dir, "1GB", 0, "4GiB")))
                .contains("SET GLOBAL max_temp_directory_size = '4GiB'")
                .last().isEqualTo("SET GLOBAL lock_configuration = true");
    }
}
