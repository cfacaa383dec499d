package com.lakehouse.shared.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Redaction of several directories, built once and applied to many texts (error messages, or
     * every string value of a query result). Each directory is matched as given, absolute and
     * normalized; the longest match wins, so a directory inside another keeps its own placeholder.
     * The file-system root is never registered (it would turn every slash into a placeholder).
     */
    public static Redaction of(Map<Path, String> placeholders) {
        Map<String, String> forms = new LinkedHashMap<>();
        placeholders.forEach((path, placeholder) -> {
            Path absolute = path.toAbsolutePath();
            for (Path form : List.of(absolute, absolute.normalize())) {
                if (form.getNameCount() > 0) {
                    forms.putIfAbsent(form.toString(), placeholder);
                }
            }
        });
        List<Map.Entry<String, String>> sorted = new ArrayList<>(forms.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return new Redaction(List.copyOf(sorted));
    }

    /** See {@link #of}. Thread-safe. */
    public static final class Redaction {

        private final List<Map.Entry<String, String>> directories;

        private Redaction(List<Map.Entry<String, String>> directories) {
            this.directories = directories;
        }

        /** {@code text} with every registered directory replaced; the same instance when none occurs. */
        public String redact(String text) {
            if (text == null) {
                return null;
            }
            String out = text;
            for (Map.Entry<String, String> dir : directories) {
                if (out.contains(dir.getKey())) {
                    out = out.replace(dir.getKey(), dir.getValue());
                }
            }
            return out;
        }
    }
}
