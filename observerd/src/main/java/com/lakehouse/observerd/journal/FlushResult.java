package com.lakehouse.observerd.journal;

import java.util.List;

/**
 * What one flush did ({@code POST /journal/flush}).
 *
 * @param flushedRows events stored by this flush
 * @param keys        the Parquet objects it wrote
 * @param registered  files newly registered in the catalog
 * @param buffered    events still unflushed afterwards
 * @param error       why it stopped early, or null
 */
public record FlushResult(long flushedRows, List<String> keys, int registered, int buffered, String error) {
}
