package com.lakehouse.pathway;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.pathway.traces.SnapshotReadAhead;
import com.lakehouse.pathway.traces.TraceJournal;
import com.lakehouse.pathway.traces.TraceLog;
import com.lakehouse.pathway.traces.TraceSearchIndex;
import com.lakehouse.pathway.traces.TraceStore;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.journal.JournalClient;
import com.lakehouse.shared.web.RequestBodyLimit;

/** The log, the index and the store over them, and the journal of their changes, built once. */
@Configuration(proxyBeanMethods = false)
class PathwayConfiguration {

    @Bean(destroyMethod = "close")
    TraceLog traceLog(PathwayProperties properties, HealthState health) {
        return new TraceLog(logFile(properties), properties.fsync(),
                (where, reason) -> health.quarantined("trace log", where, reason));
    }

    @Bean(destroyMethod = "close")
    TraceSearchIndex traceSearchIndex() {
        return new TraceSearchIndex();
    }

    static Path logFile(PathwayProperties properties) {
        return properties.dataDir().resolve("traces.jsonl");
    }

    static Path snapshotFile(Path logFile) {
        return logFile.resolveSibling("traces.snapshot");
    }

    /**
     * Recovers from the snapshot beside the log (TraceSnapshot), read ahead while the context was
     * built when main started one (SnapshotReadAheadInitializer), and writes a new one on the way down.
     */
    @Bean(destroyMethod = "close")
    TraceStore traceStore(TraceLog log, TraceSearchIndex index, PathwayProperties properties,
            ObjectProvider<SnapshotReadAhead> readAhead) {
        return new TraceStore(log, index, Clock.systemUTC(), snapshotFile(log.file()), properties.bounds(),
                readAhead.getIfAvailable());
    }

    @Bean
    RequestBodyLimit requestBodyLimit(PathwayProperties properties) {
        long cap = properties.maxBodyBytes();
        return request -> cap;
    }

    @Bean(destroyMethod = "close")
    JournalClient journalClient(PathwayProperties properties, AuthPolicy auth) {
        return JournalClient.create(FleetService.PATHWAY.id(),
                UpstreamUrl.parse("[pathway] observerd_url", properties.observerdUrl()),
                auth.primaryToken());
    }

    @Bean
    TraceJournal traceJournal(JournalClient journal) {
        return new TraceJournal(journal);
    }
}
