package com.lakehouse.catalogd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.journal.JournalClient;
import com.lakehouse.shared.storage.StorageClient;

/** Wires the catalog to storaged (its durable state) and observerd (its journal). */
@Configuration(proxyBeanMethods = false)
class CatalogdConfiguration {

    @Bean
    ManifestParquet manifestParquet() {
        return new ManifestParquet();
    }

    /** A register waits on its persist, so calls get the catalog's timeout, not the bulk-transfer default. */
    @Bean
    ServiceClient storagedClient(CatalogdProperties properties, AuthPolicy auth) {
        URI storaged = UpstreamUrl.parse("[catalogd] storaged_url", properties.storagedUrl());
        return new ServiceClient("storaged", storaged, auth.primaryToken(), properties.storagedTimeout());
    }

    @Bean
    StorageClient storageClient(ServiceClient storagedClient) {
        return new StorageClient(storagedClient, FleetService.CATALOGD.id());
    }

    @Bean
    CatalogStore catalogStore(CatalogdProperties properties, StorageClient storage, ManifestParquet parquet) {
        return new StoragedCatalogStore(storage, parquet, Path.of(properties.dataDir(), "scratch"));
    }

    @Bean
    JournalClient journalClient(CatalogdProperties properties, AuthPolicy auth) {
        URI observerd = UpstreamUrl.parse("[catalogd] observerd_url", properties.observerdUrl());
        return JournalClient.create(FleetService.CATALOGD.id(), observerd, auth.primaryToken());
    }

    @Bean
    CheckpointPolicy checkpointPolicy(CatalogStore store, CatalogdProperties properties) {
        return new CheckpointPolicy(store, properties.checkpointEvery());
    }

    @Bean
    Catalog catalog(CatalogStore store, JournalClient journal, CheckpointPolicy checkpoints, RegisterHook hook) {
        return new Catalog(store, new CatalogJournal(journal), checkpoints, Clock.systemUTC(), hook);
    }

    @Bean
    CatalogRehydrator catalogRehydrator(CatalogStore store, Catalog catalog, CatalogdProperties properties) {
        return new CatalogRehydrator(store, catalog, properties.rehydrateRetry());
    }
}
