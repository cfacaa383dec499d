package com.lakehouse.shared.text;

import java.nio.file.Path;

/**
 * SPEC §2: no host paths in responses or logs. Messages from DuckDB, Lucene or the file system name
 * local files; before such a message leaves a service the directory it names becomes a placeholder
 * such as {@code <data_dir>}.
 */
public final class HostPaths {

    private HostPaths() {
    }

    /**
     * {@code message} with {@code path} (absolute, as given and normalized) replaced by {@code placeholder};
     * a missing message is empty.
     */
    public static String redact(String message, Path path, String placeholder) {
        if (message == null) {
            return "";
        }
        if (path == null) {
            return message;
        }
        Path absolute = path.toAbsolutePath();
        String normalized = absolute.normalize().toString();
        String out = message.replace(absolute.toString(), placeholder);
        return normalized.equals(absolute.toString()) ? out : out.replace(normalized, placeholder);
    }
}
