package com.lakehouse.queryd.views;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Applies catalog changes made elsewhere while no request arrives (requests refresh on their own
 * before they run). The first run happens at startup, so the views are warm for the first query.
 */
public final class CatalogRefresher implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(CatalogRefresher.class);

    private final ScheduledExecutorService timer;

    private CatalogRefresher(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static CatalogRefresher start(DatasetViews views, Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queryd-catalog-refresh");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, every.toMillis());
        timer.scheduleWithFixedDelay(() -> {
            try {
                views.refresh();
            } catch (RuntimeException e) {
                LOG.warn("queryd background refresh failed: " + e.getMessage());
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        return new CatalogRefresher(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
