package com.lakehouse.ingestd.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of each phase of one ingest (spool, convert, put, register), for its log line. */
public final class PhaseClock {

    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the phase running since the previous lap (or the clock's start). */
    public void lap(String phase) {
        long now = System.nanoTime();
        phases.merge(phase, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        phases.forEach((phase, millis) -> text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append(millis).append(" ms"));
        return text.toString();
    }
}
