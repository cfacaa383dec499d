package com.lakehouse.catalogd.catalog;

import static com.lakehouse.catalogd.catalog.CatalogFixtures.FP_A;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.FP_B;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.object;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.journal.JournalClient;

/** The catalog's state machine over an in-memory store that can be made to fail. */
class CatalogTest {

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingJournal journal = new RecordingJournal();
    private final CheckpointPolicy checkpoints = new CheckpointPolicy(store, 0);
    private Catalog catalog;

    @BeforeEach
    void loadEmptyCatalog() {
        catalog = new Catalog(store, new CatalogJournal(journal), checkpoints,
                Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
        catalog.loaded(CatalogState.empty());
    }

    @AfterEach
    void close() {
        journal.close();
        checkpoints.close();
    }

    @Test
    void aNewNameIsCreatedAsVersion1WithItsUuidV5() {
        RegisterResponse response = catalog.register(registration("orders", FP_A, null, "k1", "k2"), "token:primary");
        assertThat(response.outcome()).isEqualTo(RegisterResponse.CREATED);
        DatasetManifest manifest = response.manifest();
        assertThat(manifest.version()).isEqualTo(1);
        assertThat(manifest.datasetId()).isEqualTo(DatasetIds.of("orders").toString());
        assertThat(manifest.rowCount()).isEqualTo(20);
        assertThat(manifest.createdAt()).isEqualTo("2026-05-01T10:00:00Z").isEqualTo(manifest.updatedAt());
        assertThat(catalog.list().catalogVersion()).isEqualTo(1);
        assertThat(store.changes).hasSize(1);
    }

    @Test
    void theSameFingerprintAndObjectSetInAnyOrderIsUnchanged() {
        catalog.register(registration("orders", FP_A, null, "k1", "k2"), "a");
        RegisterResponse again = catalog.register(registration("orders", FP_A, "replace", "k2", "k1"), "a");
        assertThat(again.outcome()).isEqualTo(RegisterResponse.UNCHANGED);
        assertThat(again.manifest().version()).isEqualTo(1);
        assertThat(catalog.list().catalogVersion()).isEqualTo(1);
        assertThat(store.changes).hasSize(1);
        assertThat(journal.events).hasSize(1);
    }

    @Test
    void replaceWithOtherObjectsMakesTheNextVersion() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        RegisterResponse next = catalog.register(registration("orders", FP_A, "replace", "k2"), "a");
        assertThat(next.outcome()).isEqualTo(RegisterResponse.UPDATED);
        assertThat(next.manifest().version()).isEqualTo(2);
        assertThat(next.manifest().objects()).extracting(DataObject::key).containsExactly("k2");
        assertThat(next.manifest().createdAt()).isEqualTo(catalog.versions("orders").versions().getFirst().createdAt());
        assertThat(catalog.versions("orders").versions()).extracting(DatasetManifest::version).containsExactly(1L, 2L);
    }

    @Test
    void anObjectWithTheSameKeyButAnotherEtagIsAnotherObjectSet() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        var rewritten = new Registration("orders", FP_A, CatalogFixtures.schema(),
                List.of(new DataObject("k1", 100, "other-etag", 10)), Registration.Mode.REPLACE);
        assertThat(catalog.register(rewritten, "a").manifest().version()).isEqualTo(2);
    }

    @Test
    void appendAddsOnlyObjectsNotAlreadyPresent() {
        catalog.register(registration("events", FP_A, null, "k1"), "a");
        RegisterResponse appended = catalog.register(registration("events", FP_A, "append", "k2"), "a");
        assertThat(appended.outcome()).isEqualTo(RegisterResponse.UPDATED);
        assertThat(appended.manifest().objects()).extracting(DataObject::key).containsExactly("k1", "k2");
        assertThat(appended.manifest().rowCount()).isEqualTo(20);

        RegisterResponse sameAgain = catalog.register(registration("events", FP_A, "append", "k2"), "a");
        assertThat(sameAgain.outcome()).isEqualTo(RegisterResponse.UNCHANGED);
        assertThat(sameAgain.manifest().version()).isEqualTo(2);

        RegisterResponse mixed = catalog.register(registration("events", FP_A, "append", "k1", "k3"), "a");
        assertThat(mixed.manifest().version()).isEqualTo(3);
        assertThat(mixed.manifest().objects()).extracting(DataObject::key).containsExactly("k1", "k2", "k3");
    }

    @Test
    void appendKeepsAColumnNullableOnceItWas() {
        catalog.register(registration("events", FP_A, null, "k1"), "a");
        var nonNullable = new Registration("events", FP_A,
                List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("city", "VARCHAR", false)),
                List.of(object("k2")), Registration.Mode.APPEND);
        assertThat(catalog.register(nonNullable, "a").manifest().schema()).extracting(SchemaColumn::nullable)
                .containsExactly(false, true);
    }

    @Test
    void anAppendPastMaxObjectsOrPast2Pow53RowsIsRefusedAndChangesNothing() {
        Catalog bounded = new Catalog(store, new CatalogJournal(journal), checkpoints,
                Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC), CommitListener.NONE,
                new RegisterLimits(10, 10, 2, 100, 100));
        bounded.loaded(CatalogState.empty());
        bounded.register(registration("orders", FP_A, null, "k1", "k2"), "a");
        assertThatThrownBy(() -> bounded.register(registration("orders", FP_A, "append", "k3"), "a"))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("max_objects");
        long half = 1L << 52;
        var big = new Registration("huge", FP_A, CatalogFixtures.schema(),
                List.of(new DataObject("a", 1, "e", half), new DataObject("b", 1, "e", half)), Registration.Mode.REPLACE);
        assertThatThrownBy(() -> bounded.register(big, "a")).isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("2^53-1");
        assertThat(bounded.manifest("orders").version()).isEqualTo(1);
        assertThat(bounded.list().catalogVersion()).isEqualTo(1);
        assertThat(store.changes).hasSize(1);
    }

    @Test
    void anotherFingerprintIsAConflictCarryingBothSchemasAndChangesNothing() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        var drifted = new Registration("orders", FP_B, List.of(new SchemaColumn("id", "VARCHAR", false)),
                List.of(object("k9")), Registration.Mode.REPLACE);
        assertThatThrownBy(() -> catalog.register(drifted, "a"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.details()).containsEntry("existing_fingerprint", FP_A).containsEntry("requested_fingerprint", FP_B);
                    assertThat(e.details().get("existing_schema")).isEqualTo(CatalogFixtures.schema());
                    assertThat(e.details().get("requested_schema")).isEqualTo(List.of(new SchemaColumn("id", "VARCHAR", false)));
                });
        assertThat(catalog.manifest("orders").version()).isEqualTo(1);
        assertThat(catalog.list().catalogVersion()).isEqualTo(1);
        assertThat(store.changes).hasSize(1);
    }

    @Test
    void aFailedPersistAnswers503AndLeavesMemoryAsItWas() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        store.failing = true;
        assertThatThrownBy(() -> catalog.register(registration("orders", FP_A, null, "k2"), "a"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.retryAfter()).isPresent());
        assertThatThrownBy(() -> catalog.register(registration("fresh", FP_A, null, "k2"), "a"))
                .isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> catalog.delete("orders", "a")).isInstanceOf(UnavailableException.class);
        assertThat(catalog.manifest("orders").objects()).extracting(DataObject::key).containsExactly("k1");
        assertThat(catalog.list().catalogVersion()).isEqualTo(1);
        assertThat(catalog.list().datasets()).hasSize(1);
        assertThat(journal.events).hasSize(1);

        store.failing = false;
        RegisterResponse retried = catalog.register(registration("orders", FP_A, null, "k2"), "a");
        assertThat(retried.manifest().version()).isEqualTo(2);
        assertThat(catalog.list().catalogVersion()).isEqualTo(2);
        assertThat(store.changes).extracting(CatalogChange::sequence).containsExactly(1L, 2L);
    }

    @Test
    void deleteRemovesTheDatasetAndItsHistoryAndANewRegisterStartsAgainAtVersion1() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        catalog.register(registration("orders", FP_A, null, "k2"), "a");
        catalog.delete("orders", "token:primary");
        assertThatThrownBy(() -> catalog.manifest("orders")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.versions("orders")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.delete("orders", "a")).isInstanceOf(NotFoundException.class);
        assertThat(catalog.list().catalogVersion()).isEqualTo(3);

        RegisterResponse again = catalog.register(registration("orders", FP_A, null, "k3"), "a");
        assertThat(again.outcome()).isEqualTo(RegisterResponse.CREATED);
        assertThat(again.manifest().version()).isEqualTo(1);
        assertThat(again.manifest().datasetId()).isEqualTo(DatasetIds.of("orders").toString());
    }

    @Test
    void replayingThePersistedChangesGivesTheSameCatalog() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        catalog.register(registration("orders", FP_A, "append", "k2"), "a");
        catalog.register(registration("gone", FP_A, null, "k1"), "a");
        catalog.delete("gone", "a");
        CatalogState replayed = CatalogState.replay(store.changes);
        assertThat(replayed.catalogVersion()).isEqualTo(catalog.list().catalogVersion());
        assertThat(replayed.currentManifests()).isEqualTo(catalog.list().datasets());
        assertThat(replayed.history("orders")).contains(catalog.versions("orders").versions());

        CatalogState fromSnapshot = CatalogState.replay(replayed.asSnapshot());
        assertThat(fromSnapshot.catalogVersion()).isEqualTo(4);
        assertThat(fromSnapshot.history("orders")).isEqualTo(replayed.history("orders"));
        assertThat(CatalogState.replay(CatalogState.empty().apply(new CatalogChange.Checkpoint(7)).asSnapshot())
                .catalogVersion()).isEqualTo(7);
    }

    @Test
    void everythingAnswers503UntilTheCatalogIsLoaded() {
        Catalog loading = new Catalog(store, new CatalogJournal(journal), checkpoints, Clock.systemUTC());
        assertThatThrownBy(loading::list).isInstanceOf(UnavailableException.class).hasMessageContaining("loading");
        assertThatThrownBy(() -> loading.manifest("orders")).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> loading.register(registration("orders", FP_A, null, "k"), "a"))
                .isInstanceOf(UnavailableException.class);
        assertThat(store.changes).isEmpty();
        loading.loaded(CatalogState.empty().apply(new CatalogChange.Checkpoint(5)));
        assertThat(loading.list().catalogVersion()).isEqualTo(5);
    }

    @Test
    void readsHandOutManifestsACallerCannotChange() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        DatasetManifest manifest = catalog.manifest("orders");
        assertThatThrownBy(() -> manifest.objects().add(object("evil"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.schema().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.list().datasets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.versions("orders").versions().add(manifest))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(catalog.manifest("orders").objects()).extracting(DataObject::key).containsExactly("k1");
    }

    @Test
    void readsAndDeletesValidateTheName() {
        assertThatThrownBy(() -> catalog.manifest("Bad-Name")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> catalog.versions("1x")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> catalog.delete("x y", "a")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void journalsChangesWithTheActorButNotTheJournalDatasetsOwnRegisters() {
        catalog.register(registration("orders", FP_A, null, "k1"), "token:primary");
        catalog.register(registration("orders", FP_A, null, "k1"), "token:primary");
        catalog.register(registration(CatalogJournal.JOURNAL_DATASET, FP_A, "append", "j1"), "token:primary");
        catalog.register(registration(CatalogJournal.JOURNAL_DATASET, FP_A, "append", "j2"), "token:primary");
        catalog.delete("orders", "anonymous");
        assertThat(journal.events).containsExactly(
                "dataset|" + DatasetIds.of("orders") + "|register|token:primary",
                "dataset|" + DatasetIds.of("orders") + "|delete|anonymous");
    }

    @Test
    void concurrentRegistersNeitherLoseNorDuplicateVersions() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<RegisterResponse>> distinct = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> catalog.register(registration("d" + i, FP_A, null, "k"), "a"))).toList();
            List<Future<RegisterResponse>> same = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> catalog.register(registration("shared", FP_A, "append", "k" + i), "a"))).toList();
            for (Future<RegisterResponse> f : distinct) {
                assertThat(f.get().outcome()).isEqualTo(RegisterResponse.CREATED);
            }
            List<Long> versions = same.stream().map(f -> {
                try {
                    return f.get().manifest().version();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        }
        assertThat(catalog.list().datasets()).hasSize(51);
        assertThat(catalog.manifest("shared").objects()).hasSize(50);
        assertThat(catalog.list().catalogVersion()).isEqualTo(100);
        assertThat(store.changes).extracting(CatalogChange::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    }

    /**
     * The group commit: registers that wait while another holds the lock (here: its persist is held
     * open) are committed by the next holder in one store write, each with its own version, in order.
     */
    @Test
    void registersWaitingForTheLockAreCommittedInOneWriteWithConsecutiveVersions() throws Exception {
        HeldStore held = new HeldStore(store);
        Catalog grouped = over(held);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RegisterResponse>> answers = queuedBehindAHeldWrite(grouped, held, pool, 4);
            held.release();
            assertThat(answers.getFirst().get().manifest().version()).isEqualTo(2);
            List<Long> versions = answers.subList(1, answers.size()).stream().map(f -> version(f)).sorted().toList();
            assertThat(versions).containsExactly(3L, 4L, 5L, 6L);
        }
        assertThat(store.appends).as("k0, k1, then k2..k5 together").hasValue(3);
        assertThat(store.changes).extracting(CatalogChange::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        List<DatasetManifest> history = grouped.versions("shared").versions();
        for (int v = 1; v < history.size(); v++) {
            assertThat(history.get(v).objects()).containsAll(history.get(v - 1).objects()).hasSize(v + 1);
        }
        assertThat(journal.events).hasSize(6);
    }

    /** More registers waiting than one group takes: every one is answered, each with its own version. */
    @Test
    void registersBeyondOneGroupAreAllCommitted() throws Exception {
        HeldStore held = new HeldStore(store);
        Catalog grouped = over(held);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RegisterResponse>> answers = queuedBehindAHeldWrite(grouped, held, pool, 70);
            held.release();
            List<Long> versions = answers.subList(1, answers.size()).stream().map(f -> version(f)).sorted().toList();
            assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(3, 72).boxed().toList());
        }
        assertThat(store.appends).as("k0, k1, then 70 in groups of at most 64").hasValue(4);
    }

    @Test
    void aGroupWhoseWriteFailsAnswers503ToEachOfItsRegistersAndChangesNothing() throws Exception {
        HeldStore held = new HeldStore(store);
        Catalog grouped = over(held);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RegisterResponse>> answers = queuedBehindAHeldWrite(grouped, held, pool, 3);
            store.failing = true;
            held.release();
            for (Future<RegisterResponse> f : answers) {
                assertThatThrownBy(f::get).hasCauseInstanceOf(UnavailableException.class);
            }
        }
        assertThat(grouped.versions("shared").versions()).hasSize(1);
        assertThat(grouped.list().catalogVersion()).isEqualTo(1);
    }

    /** A catalog whose writes go through {@code held}, with this test's journal and checkpoints. */
    private Catalog over(HeldStore held) {
        return new Catalog(held, new CatalogJournal(journal), checkpoints, Clock.systemUTC());
    }

    /**
     * The commit listener (the Iceberg view's catch-up) hears once per dataset of a group, after the
     * group's write, with the dataset's whole history: the group's new versions last.
     */
    @Test
    void aGroupTellsTheListenerOncePerDatasetWithItsWholeHistory() throws Exception {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        HeldStore held = new HeldStore(store);
        CommitListener listener = history -> calls.add(history.getLast().name() + " " + history.size()
                + " after " + store.changes.size() + " changes");
        Catalog grouped = new Catalog(held, new CatalogJournal(journal), checkpoints, Clock.systemUTC(), listener);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RegisterResponse>> answers = queuedBehindAHeldWrite(grouped, held, pool, 4);
            held.release();
            for (Future<RegisterResponse> answer : answers) {
                answer.get();
            }
        }
        assertThat(calls).containsExactly("shared 1 after 1 changes", "shared 2 after 2 changes", "shared 6 after 6 changes");
        assertThat(grouped.versions("shared").versions()).hasSize(6);
    }

    /** A listener that fails changes nothing for the registers: they are durable before it hears of them. */
    @Test
    void aFailingListenerFailsNoRegister() throws Exception {
        CommitListener listener = history -> {
            if (history.getLast().name().equals("broken")) {
                throw new IllegalStateException("the Iceberg view is broken");
            }
        };
        HeldStore held = new HeldStore(store);
        Catalog grouped = new Catalog(held, new CatalogJournal(journal), checkpoints, Clock.systemUTC(), listener);
        List<Future<RegisterResponse>> queued = new java.util.ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RegisterResponse>> answers = queuedBehindAHeldWrite(grouped, held, pool, 1);
            queued.add(pool.submit(() -> grouped.register(registration("broken", FP_A, "append", "b1"), "a")));
            queued.add(pool.submit(() -> grouped.register(registration("other", FP_A, "append", "o1"), "a")));
            while (grouped.waitingRegisters() < 3) {
                Thread.onSpinWait();
            }
            held.release();
            for (Future<RegisterResponse> answer : answers) {
                answer.get();
            }
            assertThat(queued.get(0).get().manifest().version()).isEqualTo(1);
            assertThat(queued.get(1).get().manifest().version()).isEqualTo(1);
        }
        assertThat(grouped.versions("shared").versions()).hasSize(3);
        assertThat(grouped.versions("broken").versions()).hasSize(1);
        assertThat(grouped.versions("other").versions()).hasSize(1);
    }

    /**
     * Appends k0 to dataset "shared", then k1, whose write the store holds open, then {@code count}
     * more that queue behind the lock meanwhile. The answers: k1's first, then the queued ones'.
     */
    private static List<Future<RegisterResponse>> queuedBehindAHeldWrite(Catalog grouped, HeldStore held, ExecutorService pool,
            int count) throws InterruptedException {
        grouped.loaded(CatalogState.empty());
        grouped.register(registration("shared", FP_A, "append", "k0"), "a");
        held.holdNext();
        List<Future<RegisterResponse>> answers = new java.util.ArrayList<>();
        answers.add(pool.submit(() -> grouped.register(registration("shared", FP_A, "append", "k1"), "a")));
        held.awaitHolding();
        IntStream.rangeClosed(2, count + 1)
                .forEach(i -> answers.add(pool.submit(() -> grouped.register(registration("shared", FP_A, "append", "k" + i), "a"))));
        while (grouped.waitingRegisters() < count) {
            Thread.onSpinWait();
        }
        return answers;
    }

    private static long version(Future<RegisterResponse> answer) {
        try {
            return answer.get().manifest().version();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A store whose next write waits until released, so registers queue behind the lock meanwhile. */
    private static final class HeldStore implements CatalogStore {
        private final CatalogStore delegate;
        private volatile java.util.concurrent.CountDownLatch holding;
        private volatile java.util.concurrent.CountDownLatch released;
        private volatile boolean armed;

        HeldStore(CatalogStore delegate) {
            this.delegate = delegate;
        }

        void holdNext() {
            holding = new java.util.concurrent.CountDownLatch(1);
            released = new java.util.concurrent.CountDownLatch(1);
            armed = true;
        }

        void awaitHolding() throws InterruptedException {
            holding.await();
        }

        void release() {
            released.countDown();
        }

        @Override
        public void append(List<CatalogChange> changes) {
            if (armed) {
                armed = false;
                holding.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            delegate.append(changes);
        }

        @Override
        public CatalogState load() {
            return delegate.load();
        }

        @Override
        public void checkpoint(CatalogState state) {
            delegate.checkpoint(state);
        }
    }

    @Test
    void checkpointsRunInTheBackgroundEveryNChanges() {
        CheckpointPolicy everyThree = new CheckpointPolicy(store, 3);
        Catalog checkpointed = new Catalog(store, new CatalogJournal(journal), everyThree, Clock.systemUTC());
        checkpointed.loaded(CatalogState.empty());
        for (int i = 0; i < 3; i++) {
            checkpointed.register(registration("t" + i, FP_A, null, "k"), "a");
        }
        awaitCheckpoint(everyThree, 3);
        for (int i = 3; i < 7; i++) {
            checkpointed.register(registration("t" + i, FP_A, null, "k"), "a");
        }
        awaitCheckpoint(everyThree, 6);
        everyThree.close();
        assertThat(store.checkpoints).containsExactly(3L, 6L);
    }

    private static void awaitCheckpoint(CheckpointPolicy policy, long catalogVersion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (policy.settledCheckpoint() != catalogVersion && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Keeps changes in a list; {@code failing} makes every append throw as an unreachable storaged would. */
    static final class InMemoryStore implements CatalogStore {
        final List<CatalogChange> changes = new CopyOnWriteArrayList<>();
        final List<Long> checkpoints = new CopyOnWriteArrayList<>();
        final AtomicInteger appends = new AtomicInteger();
        volatile boolean failing;

        @Override
        public void append(List<CatalogChange> group) {
            if (failing) {
                throw new UnavailableException("storaged is unreachable");
            }
            appends.incrementAndGet();
            for (CatalogChange change : group) {
                changes.removeIf(c -> c.sequence() == change.sequence());
                changes.add(change);
            }
        }

        @Override
        public CatalogState load() {
            return CatalogState.replay(changes);
        }

        @Override
        public void checkpoint(CatalogState state) {
            checkpoints.add(state.catalogVersion());
        }
    }

    /** Captures journal events instead of sending them. */
    static final class RecordingJournal extends JournalClient {
        final List<String> events = new CopyOnWriteArrayList<>();

        RecordingJournal() {
            super("catalogd", new ServiceClient("observerd", URI.create("http://127.0.0.1:9"), Optional.empty(),
                    Duration.ofSeconds(1)));
        }

        @Override
        public void record(String entityType, String entityId, String action, String field, String oldValue,
                String newValue, String actor) {
            events.add(entityType + "|" + entityId + "|" + action + "|" + actor);
        }
    }
}
