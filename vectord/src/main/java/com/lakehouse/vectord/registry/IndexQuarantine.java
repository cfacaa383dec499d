package com.lakehouse.vectord.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lakehouse.shared.health.HealthState;

/**
 * Indexes vectord could not load at startup (issue 20). A local directory is moved, whole, under
 * {@code data_dir/.quarantine/} (never deleted); an index in storage that cannot be restored is left
 * untouched under {@code _vectors/} and not served. Each one is counted in {@link HealthState}
 * ({@code /health} says degraded) and listed in {@code GET /vectors/stats}; the other indexes serve.
 */
final class IndexQuarantine {

    static final String DIRECTORY = ".quarantine";
    static final String SOURCE = "vector index";

    private final Path dataDir;
    private final HealthState health;
    private final List<Map<String, String>> entries = new ArrayList<>();

    IndexQuarantine(Path dataDir, HealthState health) {
        this.dataDir = dataDir;
        this.health = health;
    }

    /** Moves {@code data_dir/<name>} aside; returns where it went, relative to data_dir. */
    synchronized String local(String name, String reason) throws IOException {
        Path aside = dataDir.resolve(DIRECTORY);
        Files.createDirectories(aside);
        String kept = name + "." + System.currentTimeMillis();
        for (int i = 1; Files.exists(aside.resolve(kept)); i++) {
            kept = name + "." + System.currentTimeMillis() + "-" + i;
        }
        Files.move(dataDir.resolve(name), aside.resolve(kept), StandardCopyOption.ATOMIC_MOVE);
        String where = DIRECTORY + "/" + kept;
        record(name, where, reason);
        return where;
    }

    /** An index in storage that could not be restored; its objects stay where they are. */
    synchronized void remote(String name, String where, String reason) {
        record(name, where, reason);
    }

    private void record(String name, String where, String reason) {
        entries.add(Map.of("index", name, "kept_at", where, "reason", reason));
        health.quarantined(SOURCE, where, reason);
    }

    synchronized List<Map<String, String>> entries() {
        return List.copyOf(entries);
    }
}
