package com.lakehouse.observerd;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.observerd.events.EventLog;
import com.lakehouse.observerd.events.EventWitness;
import com.lakehouse.observerd.events.ObserverLimits;
import com.lakehouse.observerd.journal.FlushIncompleteException;
import com.lakehouse.observerd.journal.JournalFiles;
import com.lakehouse.observerd.journal.JournalFlushScheduler;
import com.lakehouse.observerd.journal.JournalFlusher;
import com.lakehouse.observerd.journal.JournalParquetWriter;
import com.lakehouse.observerd.journal.JournalRegistration;
import com.lakehouse.observerd.journal.JournalService;
import com.lakehouse.observerd.journal.WriteAheadLog;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.web.ProblemStatusTable;

/**
 * observerd's object graph. observerd holds no {@code JournalClient}: it never journals anything
 * itself, so storing and registering journal files cannot feed the journal.
 */
@Configuration(proxyBeanMethods = false)
class ObserverdConfiguration {

    /** Journal files are small; a hung storaged must not hold a flush (or shutdown) for long. */
    private static final Duration STORAGE_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    ProblemStatusTable problemStatusTable() {
        return ProblemStatusTable.defaults().with(FlushIncompleteException.class, HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    EventLog eventLog(ObserverdProperties properties) {
        return new EventLog(dataDir(properties).resolve("events.jsonl"));
    }

    @Bean
    EventWitness eventWitness(ObserverdProperties properties, EventLog log) {
        return new EventWitness(properties.ringCapacity(), properties.ringMaxBytes(), properties.maxCounterKeys(), log);
    }

    @Bean
    ObserverLimits observerLimits(ObserverdProperties properties) {
        return properties.observerLimits();
    }

    @Bean
    StorageClient storageClient(ObserverdProperties properties, AuthPolicy auth) {
        URI url = UpstreamUrl.parse("[observerd] storaged_url", properties.storagedUrl());
        return new StorageClient(new ServiceClient("storaged", url, auth.primaryToken(), STORAGE_TIMEOUT),
                FleetService.OBSERVERD.id());
    }

    @Bean
    CatalogClient catalogClient(ObserverdProperties properties, AuthPolicy auth) {
        URI url = UpstreamUrl.parse("[observerd] catalogd_url", properties.catalogdUrl());
        return CatalogClient.create(url, auth.primaryToken());
    }

    @Bean
    WriteAheadLog writeAheadLog(ObserverdProperties properties, Clock clock, HealthState health) {
        return new WriteAheadLog(dataDir(properties), clock,
                (where, reason) -> health.quarantined("journal write-ahead log", where, reason));
    }

    @Bean
    JournalRegistration journalRegistration(CatalogClient catalog, ObserverdProperties properties) {
        return new JournalRegistration(catalog, dataDir(properties));
    }

    @Bean
    JournalFlusher journalFlusher(WriteAheadLog wal, StorageClient storage, JournalRegistration registration,
            Clock clock, ObserverdProperties properties) {
        Path dir = dataDir(properties);
        JournalParquetWriter writer = new JournalParquetWriter(dir.resolve("tmp"));
        try {
            writer.removeLeftovers();
        } catch (UncheckedIOException e) {
            // An unwritable data directory is reported by the WAL at start; the observer still runs.
        }
        return new JournalFlusher(wal, writer, storage, registration, clock, dir);
    }

    @Bean
    JournalFlushScheduler journalFlushScheduler(WriteAheadLog wal, JournalRegistration registration,
            JournalFlusher flusher, ObserverdProperties properties) {
        return new JournalFlushScheduler(wal, registration, flusher, properties.flushEvery());
    }

    @Bean
    JournalService journalService(WriteAheadLog wal, StorageClient storage, JournalFlusher flusher,
            JournalRegistration registration, JournalFlushScheduler scheduler, ObserverdProperties properties,
            Clock clock) {
        JournalFiles files = new JournalFiles(storage, dataDir(properties).resolve("journal-cache"));
        return new JournalService(wal, files, flusher, registration, scheduler, properties.flushRows(),
                properties.journalMaxPending(), properties.flushEvery().toMillis(), clock, properties.journalLimits());
    }

    private static Path dataDir(ObserverdProperties properties) {
        return Path.of(properties.dataDir());
    }
}
