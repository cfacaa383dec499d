package com.lakehouse.observerd.journal;

import static com.lakehouse.observerd.journal.JournalTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/** The flush sequence with storaged and catalogd as mocks: what is kept, stored, registered, retried. */
class JournalFlusherTest {

    @TempDir
    Path dir;

    private final StorageClient storage = mock(StorageClient.class);
    private final CatalogClient catalog = mock(CatalogClient.class);
    private WriteAheadLog wal;
    private JournalRegistration registration;
    private JournalFlusher flusher;

    @BeforeEach
    void setUp() throws Exception {
        wal = new WriteAheadLog(dir, Clock.systemUTC());
        wal.open();
        registration = new JournalRegistration(catalog, dir);
        flusher = new JournalFlusher(wal, new JournalParquetWriter(dir.resolve("tmp")), storage, registration,
                Clock.systemUTC(), dir);
        when(storage.put(anyString(), any(Path.class))).thenAnswer(call -> {
            Path file = call.getArgument(1);
            assertThat(file).exists();
            return new StoredObject(call.getArgument(0), Files.size(file), "\"etag\"", null);
        });
        when(catalog.manifest(JournalSchema.DATASET)).thenThrow(new NotFoundException("no such dataset"));
        when(catalog.register(any())).thenReturn(new RegisterResponse(RegisterResponse.CREATED, null));
    }

    @Test
    void flushStoresOneFileRegistersItAndEmptiesTheWal() throws Exception {
        wal.append(List.of(event(1), event(2), event(3)));
        FlushResult result = flusher.flush();

        assertThat(result.error()).isNull();
        assertThat(result.flushedRows()).isEqualTo(3);
        assertThat(result.keys()).hasSize(1).allMatch(k -> k.startsWith("journal/") && k.endsWith(".parquet"));
        assertThat(result.registered()).isEqualTo(1);
        assertThat(wal.bufferedCount()).isZero();
        assertThat(wal.sealedSegments()).isEmpty();
        ArgumentCaptor<RegisterRequest> request = ArgumentCaptor.forClass(RegisterRequest.class);
        verify(catalog).register(request.capture());
        assertThat(request.getValue().name()).isEqualTo("lakehouse_journal");
        assertThat(request.getValue().mode()).isEqualTo("append");
        assertThat(request.getValue().schemaFingerprint()).isEqualTo(SchemaFingerprint.of(JournalSchema.columns()));
        DataObject object = request.getValue().objects().get(0);
        assertThat(object.key()).isEqualTo(result.keys().get(0));
        assertThat(object.rowCount()).isEqualTo(3);
        assertThat(object.etag()).isEqualTo("\"etag\"");
        assertThat(object.size()).isPositive();
        assertThat(registration.pendingCount()).isZero();
        assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
    }

    @Test
    void nothingToFlushCallsNobody() {
        FlushResult result = flusher.flush();
        assertThat(result.flushedRows()).isZero();
        verify(storage, never()).put(anyString(), any(Path.class));
        verify(catalog, never()).register(any());
    }

    @Test
    void storagedDownKeepsTheWalAndTheNextFlushStoresTheSameKey() throws Exception {
        wal.append(List.of(event(1)));
        doThrow(new UnavailableException("storaged is unreachable")).when(storage).put(anyString(), any(Path.class));
        FlushResult failed = flusher.flush();
        assertThat(failed.error()).contains("storaged is unreachable");
        assertThat(flusher.flushErrors()).isEqualTo(1);
        assertThat(wal.bufferedCount()).isEqualTo(1);
        String key = wal.sealedSegments().get(0).objectKey();

        wal.append(List.of(event(2)));
        doAnswer(call -> new StoredObject(call.getArgument(0), 10, "e", null))
                .when(storage).put(anyString(), any(Path.class));
        FlushResult retried = flusher.flush();
        assertThat(retried.error()).isNull();
        assertThat(retried.keys()).hasSize(2).first().isEqualTo(key);
        assertThat(retried.flushedRows()).isEqualTo(2);
        assertThat(wal.bufferedCount()).isZero();
        assertThat(flusher.lastError()).isNull();
    }

    @Test
    void catalogdDownKeepsTheFileForRegistrationAcrossARestart() throws Exception {
        wal.append(List.of(event(1)));
        doThrow(new UnavailableException("catalogd is unreachable")).when(catalog).register(any());
        FlushResult result = flusher.flush();
        assertThat(result.error()).contains("catalogd is unreachable");
        assertThat(result.flushedRows()).isEqualTo(1);
        assertThat(wal.bufferedCount()).isZero();
        assertThat(registration.pendingCount()).isEqualTo(1);

        JournalRegistration restarted = new JournalRegistration(catalog, dir);
        restarted.load();
        assertThat(restarted.pendingCount()).isEqualTo(1);
        doReturn(new RegisterResponse(RegisterResponse.UPDATED, null)).when(catalog).register(any());
        assertThat(restarted.registerPending()).isEqualTo(1);
        assertThat(restarted.pendingCount()).isZero();
    }

    @Test
    void filesCatalogdAlreadyListsAreNotAppendedTwice() throws Exception {
        wal.append(List.of(event(1)));
        String key = wal.seal().orElseThrow().objectKey();
        DataObject already = new DataObject(key, 10, "e", 1);
        doReturn(new DatasetManifest("id", JournalSchema.DATASET, 1,
                "fp", JournalSchema.columns(), List.of(already), 1, null, null)).when(catalog).manifest(JournalSchema.DATASET);
        FlushResult result = flusher.flush();
        assertThat(result.registered()).isZero();
        verify(catalog, never()).register(any());
        assertThat(registration.pendingCount()).isZero();
        verify(storage).put(eq(key), any(Path.class));
    }
}
