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

    @Bean
    CatalogStore catalogStore(CatalogdProperties properties, AuthPolicy auth, ManifestParquet parquet) {
        URI storaged = UpstreamUrl.parse("[catalogd] storaged_url", properties.storagedUrl());
        // A register waits on its persist, so calls get the catalog's timeout, not the bulk-transfer default.
        StorageClient storage = new StorageClient(new ServiceClient("storaged", storaged, auth.primaryToken(),
                properties.storagedTimeout()));
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
    Catalog catalog(CatalogStore store, JournalClient journal, CheckpointPolicy checkpoints) {
        return new Catalog(store, new CatalogJournal(journal), checkpoints, Clock.systemUTC());
    }

    @Bean
    CatalogRehydrator catalogRehydrator(CatalogStore store, Catalog catalog, CatalogdProperties properties) {
        return new CatalogRehydrator(store, catalog, properties.rehydrateRetry());
    }
}
