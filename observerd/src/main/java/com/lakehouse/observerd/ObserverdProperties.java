package com.lakehouse.observerd;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.observerd.events.ObserverLimits;
import com.lakehouse.observerd.journal.JournalLimits;
import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [observerd]} in lakehouse.toml (SPEC §10).
 *
 * @param bind          listen address (handled by shared's bind gate)
 * @param storagedUrl   where journal Parquet files are written and read
 * @param catalogdUrl   where the journal files are registered as {@code lakehouse_journal}
 * @param dataDir       local state: the observer JSONL, the journal write-ahead log, the file cache
 * @param ringCapacity  observer events kept in memory; the oldest is evicted when full
 * @param ringMaxBytes  estimated heap the ring may hold; the oldest events are evicted past it
 * @param maxCounterKeys distinct sources (and kinds) counted by name in the stats; later ones count as {@code (other)}
 * @param journalMaxPending unflushed journal events (in the WAL, waiting for storaged) past which an
 *                      append gets 503 with Retry-After instead of growing the heap
 * @param flushRows     unflushed journal events that trigger a flush
 * @param flushEvery    the longest an acknowledged journal event waits for its flush
 * @param maxBodyBytes  request body cap
 * @param journalMaxEvents     events in one journal batch (413 past it)
 * @param journalMaxNameBytes  each name member of a journal event (event_id, entity_type, entity_id, field,
 *                      action, actor, source), UTF-8 bytes (413)
 * @param journalMaxValueBytes each of a journal event's old_value and new_value, UTF-8 bytes (413)
 * @param journalMaxValueDepth nesting depth of a journal value that is JSON text (422)
 * @param observerMaxNameBytes an observer event's source and kind, UTF-8 bytes (413)
 * @param observerMaxPayloadBytes an observer event's payload as compact JSON, bytes (413)
 * @param observerMaxPayloadDepth nesting depth of an observer event's payload (422)
 */
@ConfigurationProperties("lakehouse.observerd")
public record ObserverdProperties(
        @DefaultValue(FleetPorts.OBSERVERD_BIND) String bind,
        @DefaultValue(FleetPorts.STORAGED_URL) String storagedUrl,
        @DefaultValue(FleetPorts.CATALOGD_URL) String catalogdUrl,
        @DefaultValue("data/observerd") String dataDir,
        @DefaultValue("10000") int ringCapacity,
        @DefaultValue("67108864") long ringMaxBytes,
        @DefaultValue("1000") int maxCounterKeys,
        @DefaultValue("200000") int journalMaxPending,
        @DefaultValue("1000") int flushRows,
        @DefaultValue("30s") Duration flushEvery,
        @DefaultValue("16777216") long maxBodyBytes,
        @DefaultValue("10000") int journalMaxEvents,
        @DefaultValue("1024") int journalMaxNameBytes,
        @DefaultValue("1048576") int journalMaxValueBytes,
        @DefaultValue("64") int journalMaxValueDepth,
        @DefaultValue("256") int observerMaxNameBytes,
        @DefaultValue("65536") int observerMaxPayloadBytes,
        @DefaultValue("32") int observerMaxPayloadDepth) {

    public ObserverdProperties {
        if (ringMaxBytes < 1 || maxCounterKeys < 1 || journalMaxPending < 1) {
            throw new IllegalStateException("[observerd] ring_max_bytes, max_counter_keys and journal_max_pending must be at least 1");
        }
        if (ringCapacity < 1) {
            throw new IllegalStateException("[observerd] ring_capacity must be at least 1, was " + ringCapacity);
        }
        if (flushRows < 1) {
            throw new IllegalStateException("[observerd] flush_rows must be at least 1, was " + flushRows);
        }
        if (journalMaxEvents < 1 || journalMaxNameBytes < 1 || journalMaxValueBytes < 1 || journalMaxValueDepth < 1
                || observerMaxNameBytes < 1 || observerMaxPayloadBytes < 1 || observerMaxPayloadDepth < 1) {
            throw new IllegalStateException("[observerd] journal_max_* and observer_max_* limits must be at least 1");
        }
        if (flushEvery == null || flushEvery.isNegative() || flushEvery.isZero()) {
            throw new IllegalStateException("[observerd] flush_every must be positive, was " + flushEvery);
        }
    }

    public JournalLimits journalLimits() {
        return new JournalLimits(journalMaxEvents, journalMaxNameBytes,
                journalMaxValueBytes, journalMaxValueDepth);
    }

    public ObserverLimits observerLimits() {
        return new ObserverLimits(observerMaxNameBytes, observerMaxPayloadBytes,
                observerMaxPayloadDepth);
    }
}
