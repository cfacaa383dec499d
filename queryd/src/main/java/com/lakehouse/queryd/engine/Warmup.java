package com.lakehouse.queryd.engine;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import com.lakehouse.queryd.sandbox.SqlSandbox;

/**
 * Runs one tiny statement through each result path once the service is up, so the first caller
 * does not pay for loading the Arrow C data bridge and DuckDB's first plans (seconds on a busy host).
 */
public final class Warmup {

    private static final Log LOG = LogFactory.getLog(Warmup.class);

    private final SqlSandbox sandbox;
    private final QueryExecutor executor;
    private final ArrowStreamReader arrow;
    private final JsonRowsReader json;

    public Warmup(SqlSandbox sandbox, QueryExecutor executor, ArrowStreamReader arrow, JsonRowsReader json) {
        this.sandbox = sandbox;
        this.executor = executor;
        this.arrow = arrow;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warm() {
        Thread.ofVirtual().name("queryd-warmup").start(() -> {
            try {
                executor.run(sandbox.vet("SELECT 1 AS warm"), 1, json);
                executor.run(sandbox.vet("SELECT 1 AS warm"), 1, arrow);
            } catch (RuntimeException e) {
                LOG.warn("queryd warmup failed: " + e.getMessage());
            }
        });
    }
}
