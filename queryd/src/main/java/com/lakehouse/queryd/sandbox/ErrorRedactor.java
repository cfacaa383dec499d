package com.lakehouse.queryd.sandbox;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lakehouse.shared.text.HostPaths;

/**
 * Cleans DuckDB's error messages before they reach a caller or a log line (SPEC §2, §6): the local
 * directories queryd knows about become placeholders, any other absolute path becomes
 * {@code <path>}, and anything that looks like a credential is masked.
 */
public final class ErrorRedactor {

    /** An absolute path or file URL, starting after a quote, a space, a parenthesis or the start of text. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=^|[\\s'\"(\\[=,])(?:file:)?/{1,3}[\\w.~-][^\\s'\"),\\]]*");
    private static final Pattern WINDOWS_PATH = Pattern.compile("(?<=^|[\\s'\"(\\[=,])[A-Za-z]:\\\\[^\\s'\"),\\]]*");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b(secret|password|passwd|token|key_id|access_key|secret_key|session_token|authorization)(\\s*[=:]\\s*|\\s+(?=['\"]))('[^']*'|\"[^\"]*\"|bearer\\s+\\S+|[^\\s,;)]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[^\\s,;)'\"]+");

    private final HostPaths.Redaction known;
    private final List<String> secrets;

    /**
     * @param directories local directories (absolute) and what to call them, longest first wins
     * @param secrets     literal values that must never appear (tokens)
     */
    public ErrorRedactor(List<Replacement> directories, Collection<String> secrets) {
        Map<Path, String> dirs = new LinkedHashMap<>();
        directories.forEach(r -> dirs.putIfAbsent(Path.of(r.path()), r.placeholder()));
        this.known = HostPaths.of(dirs);
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    /** A directory and the placeholder it becomes. */
    public record Replacement(String path, String placeholder) {
    }

    /**
     * A value of a query result with the known directories replaced, nothing else touched (data is
     * not an error message: no credential masking, no guessing at other paths). The same instance
     * when no known directory occurs in it.
     */
    public String paths(String value) {
        return known.redact(value);
    }

    public String redact(String message) {
        if (message == null) {
            return "";
        }
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, "<redacted>");
        }
        out = known.redact(out);
        out = CREDENTIAL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "<redacted>"));
        out = BEARER.matcher(out).replaceAll("Bearer <redacted>");
        out = ABSOLUTE_PATH.matcher(out).replaceAll("<path>");
        return WINDOWS_PATH.matcher(out).replaceAll("<path>");
    }
}
