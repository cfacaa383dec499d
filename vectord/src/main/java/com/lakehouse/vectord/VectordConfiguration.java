package com.lakehouse.vectord;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.journal.JournalClient;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.web.RequestBodyLimit;
import com.lakehouse.vectord.engine.IndexingPool;
import com.lakehouse.vectord.persist.IndexPublisher;
import com.lakehouse.vectord.registry.IndexRegistry;
import com.lakehouse.vectord.registry.VectorJournal;

/** Wires vectord: the indexing threads, the journal, storage, and the index registry (opened at startup). */
@Configuration(proxyBeanMethods = false)
class VectordConfiguration {

    @Bean(destroyMethod = "close")
    IndexingPool indexingPool() {
        return IndexingPool.forCores();
    }

    @Bean(destroyMethod = "close")
    VectorJournal vectorJournal(VectordProperties properties, AuthPolicy auth) {
        if (properties.observerdUrl() == null || properties.observerdUrl().isBlank()) {
            return new VectorJournal(null);
        }
        return new VectorJournal(JournalClient.create(FleetService.VECTORD.id(),
                UpstreamUrl.parse("[vectord] observerd_url", properties.observerdUrl()), auth.primaryToken()));
    }

    @Bean(destroyMethod = "close")
    IndexRegistry indexRegistry(VectordProperties properties, AuthPolicy auth, IndexingPool pool, VectorJournal journal,
            HealthState health) throws IOException {
        IndexPublisher publisher = null;
        if (properties.storagedUrl() != null && !properties.storagedUrl().isBlank()) {
            publisher = new IndexPublisher(StorageClient.create(
                    UpstreamUrl.parse("[vectord] storaged_url", properties.storagedUrl()), auth.primaryToken(),
                    FleetService.VECTORD.id()));
        }
        IndexRegistry registry = new IndexRegistry(Path.of(properties.dataDir()), publisher, pool,
                properties.ramBufferMb(), properties.commitDebounce(), journal, health);
        registry.start(properties.storageWait());
        return registry;
    }

    /** Vector batches are large: the cap is {@code max_body_bytes} (64 MiB by default), not the fleet's 16 MiB. */
    @Bean
    RequestBodyLimit requestBodyLimit(VectordProperties properties) {
        long cap = properties.maxBodyBytes();
        return request -> cap;
    }
}
