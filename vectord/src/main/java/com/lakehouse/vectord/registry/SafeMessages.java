package com.lakehouse.vectord.registry;

import java.nio.file.Path;

/** Failure text fit for logs and stats: the host's data directory path is replaced by its key name. */
final class SafeMessages {

    private final String dataDir;

    SafeMessages(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize().toString();
    }

    String of(Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        return message.replace(dataDir, "<data_dir>");
    }
}
