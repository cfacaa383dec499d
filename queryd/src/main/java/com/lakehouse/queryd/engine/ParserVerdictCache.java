package com.lakehouse.queryd.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.queryd.sandbox.ParserVerdict;

/**
 * The parser's last verdicts by exact SQL text, least recently used out first. A verdict is a pure
 * function of the text (DuckDB's {@code json_serialize_sql}), and asking DuckDB costs a statement
 * execution (about 1.3 ms measured), the largest part of a small query's time in queryd; dashboards
 * and agents send the same texts again and again. Long texts are not kept, so the cache stays small.
 */
final class ParserVerdictCache {

    static final int MAX_ENTRIES = 1024;
    static final int MAX_TEXT_CHARS = 4096;

    private final Map<String, ParserVerdict> verdicts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParserVerdict> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<ParserVerdict> get(String sql) {
        return Optional.ofNullable(verdicts.get(sql));
    }

    /** Remembers a verdict DuckDB's parser gave (never a failure to ask it). */
    synchronized void put(String sql, ParserVerdict verdict) {
        if (sql.length() <= MAX_TEXT_CHARS) {
            verdicts.put(sql, verdict);
        }
    }

    synchronized int size() {
        return verdicts.size();
    }
}
