package com.lakehouse.ingestd;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.ingestd.convert.ParquetConverter;
import com.lakehouse.ingestd.ingest.IngestService;
import com.lakehouse.ingestd.ingest.IngestWorkspace;
import com.lakehouse.shared.concurrent.AdmissionSlots;
import com.lakehouse.ingestd.ingest.UploadSpooler;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.journal.JournalClient;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.web.RequestBodyLimit;

/** ingestd's collaborators, built once from {@link IngestdProperties}. */
@Configuration(proxyBeanMethods = false)
class IngestdConfiguration {

    static final String INGEST_PATH = "/ingest";

    /** The upload streams under its own cap; every other route keeps a small one. */
    @Bean
    RequestBodyLimit requestBodyLimit(IngestdProperties properties) {
        return request -> INGEST_PATH.equals(request.getRequestURI()) ? properties.maxIngestBytes() : properties.maxBodyBytes();
    }

    @Bean
    StorageClient storageClient(IngestdProperties properties, AuthPolicy auth) {
        return StorageClient.create(url("storaged_url", properties.storagedUrl()), auth.primaryToken(),
                FleetService.INGESTD.id());
    }

    @Bean
    CatalogClient catalogClient(IngestdProperties properties, AuthPolicy auth) {
        return CatalogClient.create(url("catalogd_url", properties.catalogdUrl()), auth.primaryToken());
    }

    @Bean(destroyMethod = "close")
    JournalClient journalClient(IngestdProperties properties, AuthPolicy auth) {
        return JournalClient.create(FleetService.INGESTD.id(), url("observerd_url", properties.observerdUrl()), auth.primaryToken());
    }

    @Bean
    IngestWorkspace ingestWorkspace(IngestdProperties properties) {
        return new IngestWorkspace(Path.of(properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    ParquetConverter parquetConverter(IngestdProperties properties, IngestWorkspace workspace) {
        return new ParquetConverter(workspace.duckdbTemp(), properties.duckdbMemoryLimit().trim(), properties.duckdbThreads());
    }

    @Bean
    UploadSpooler uploadSpooler(IngestdProperties properties, ParquetConverter converter) {
        return new UploadSpooler(properties.sampleRows(), properties.maxIngestBytes(), converter);
    }

    /** At most max_concurrent_ingests uploads spooled and converted at once (issue 21: bounded spools). */
    @Bean
    AdmissionSlots ingestSlots(IngestdProperties properties) {
        return new AdmissionSlots(properties.maxConcurrentIngests(), properties.ingestQueueWait(), "ingests",
                "[ingestd] max_concurrent_ingests, ingest_queue_wait");
    }

    @Bean
    IngestService ingestService(ParquetConverter converter, StorageClient storage, CatalogClient catalog, JournalClient journal) {
        return new IngestService(converter, storage, catalog, journal);
    }

    private static URI url(String key, String value) {
        return UpstreamUrl.parse("[ingestd] " + key, value);
    }
}
