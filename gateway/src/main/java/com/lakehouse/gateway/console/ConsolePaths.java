package com.lakehouse.gateway.console;

/**
 * The only paths outside {@code /v1} the gateway serves besides {@code /health}: the console's
 * page at {@code /}, its own files under {@code /console/}, and uPlot (from its WebJar) under
 * {@code /console/vendor/uplot/}. Everything else falls through to the routes and their 404.
 * A path with a {@code .} or {@code ..} segment (also percent-encoded) names no file: see
 * {@link #climbs}.
 */
public final class ConsolePaths {

    static final String ROOT = "/";
    static final String FILES = "/console/";
    static final String UPLOT = "/console/vendor/uplot/";

    /** Which set of files a path names, and the file's path inside that set. */
    public enum Source { CONSOLE, UPLOT }

    public record Target(Source source, String file) {
    }

    private ConsolePaths() {
    }

    /** Whether a raw path has a {@code .} or {@code ..} segment, percent-encoded or not. */
    public static boolean climbs(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String name = segment.toLowerCase(java.util.Locale.ROOT).replace("%2e", ".");
            if (name.equals(".") || name.equals("..") || name.contains("%2f") || name.contains("%5c")) {
                return true;
            }
        }
        return false;
    }

    /** The file a request path names, or null when the path is not the console's. */
    public static Target resolve(String path) {
        if (ROOT.equals(path)) {
            return new Target(Source.CONSOLE, "index.html");
        }
        if (path.startsWith(UPLOT)) {
            return path.length() > UPLOT.length() ? new Target(Source.UPLOT, path.substring(UPLOT.length())) : null;
        }
        if (path.startsWith(FILES) && path.length() > FILES.length()) {
            return new Target(Source.CONSOLE, path.substring(FILES.length()));
        }
        return null;
    }
}
