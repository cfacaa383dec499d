package com.lakehouse.shared.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What this service's {@code /health} reports beyond "the process answers" (SPEC §2). One bean per
 * service; the parts that load state at start-up (replays, rehydrates, loaders) report here:
 *
 * <ul>
 * <li>{@link #quarantined} — a stored record could not be applied, was set aside (never deleted)
 * and start-up went on: status {@code degraded}, HTTP 200, with the count per source.</li>
 * <li>{@link #failed} — a part of the service does not work (its state did not load, its loader
 * died): status {@code failing}, HTTP 503, until {@link #recovered} is called for that part.</li>
 * </ul>
 *
 * Thread-safe; reads take a consistent snapshot.
 */
public final class HealthState {

    private static final Log LOG = LogFactory.getLog(HealthState.class);

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";
    public static final String FAILING = "failing";

    private final Map<String, Long> quarantined = new TreeMap<>();
    private final Map<String, String> failures = new TreeMap<>();

    /**
     * A record from {@code source} (e.g. {@code "trace log"}) was set aside; {@code where} says where
     * the kept copy is, as a path relative to the service's data directory or an object key (never an
     * absolute host path).
     */
    public synchronized void quarantined(String source, String where, String reason) {
        quarantined.merge(source, 1L, Long::sum);
        LOG.warn("quarantined a record of " + source + " at " + where + ": " + reason);
    }

    /** The part {@code component} does not work; {@code reason} is shown in {@code /health}. */
    public synchronized void failed(String component, String reason) {
        failures.put(component, reason);
        LOG.error(component + " failed: " + reason);
    }

    /** The part {@code component} works again. */
    public synchronized void recovered(String component) {
        failures.remove(component);
    }

    public synchronized long quarantinedCount() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A consistent copy of the state, for {@code /health} and stats routes. */
    public synchronized Snapshot snapshot() {
        List<String> problems = new ArrayList<>();
        failures.forEach((component, reason) -> problems.add(component + ": " + reason));
        quarantined.forEach((source, count) -> problems.add(count + " record(s) of " + source + " quarantined"));
        String status = !failures.isEmpty() ? FAILING : quarantined.isEmpty() ? OK : DEGRADED;
        return new Snapshot(status, quarantinedCount(), Map.copyOf(quarantined), List.copyOf(problems));
    }

    /**
     * @param status      {@code ok}, {@code degraded} or {@code failing}
     * @param quarantined records set aside, in total
     * @param bySource    records set aside, per source
     * @param problems    one line per failure or quarantine source
     */
    public record Snapshot(String status, long quarantined, Map<String, Long> bySource, List<String> problems) {

        public boolean failing() {
            return FAILING.equals(status);
        }
    }
}
