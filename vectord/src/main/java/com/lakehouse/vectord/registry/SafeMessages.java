package com.lakehouse.vectord.registry;

import java.nio.file.Path;

import com.lakehouse.shared.text.HostPaths;

/** Failure text fit for logs and stats: the host's data directory path is replaced by its key name. */
final class SafeMessages {

    private final Path dataDir;

    SafeMessages(Path dataDir) {
        this.dataDir = dataDir;
    }

    String of(Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        return HostPaths.redact(message, dataDir, "<data_dir>");
    }
}
