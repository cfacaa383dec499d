package com.lakehouse.catalogd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.catalogd.catalog.CatalogJournal;
import com.lakehouse.catalogd.catalog.CatalogQuarantine;
import com.lakehouse.catalogd.catalog.CatalogRehydrator;
import com.lakehouse.catalogd.catalog.CatalogStore;
import com.lakehouse.catalogd.catalog.CheckpointPolicy;
import com.lakehouse.catalogd.catalog.CommitListener;
import com.lakehouse.catalogd.catalog.RegisterLimits;
import com.lakehouse.catalogd.store.ManifestParquet;
import com.lakehouse.catalogd.store.StoragedCatalogStore;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.health.HealthState;
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
    CatalogQuarantine catalogQuarantine(HealthState health) {
        return new CatalogQuarantine(health);
    }

    @Bean
    CatalogStore catalogStore(CatalogdProperties properties, StorageClient storage, ManifestParquet parquet,
            CatalogQuarantine quarantine) {
        return new StoragedCatalogStore(storage, parquet, Path.of(properties.dataDir(), "scratch"), quarantine);
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
    RegisterLimits registerLimits(CatalogdProperties properties) {
        return RegisterLimits.of(properties);
    }

    @Bean
    Catalog catalog(CatalogStore store, JournalClient journal, CheckpointPolicy checkpoints, CommitListener listener,
            RegisterLimits limits) {
        return new Catalog(store, new CatalogJournal(journal), checkpoints, Clock.systemUTC(), listener, limits);
    }

    @Bean
    CatalogRehydrator catalogRehydrator(CatalogStore store, Catalog catalog, CatalogdProperties properties,
            HealthState health) {
        return new CatalogRehydrator(store, catalog, properties.rehydrateRetry(), health);
    }
}
