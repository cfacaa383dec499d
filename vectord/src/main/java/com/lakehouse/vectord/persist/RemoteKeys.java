package com.lakehouse.vectord.persist;

import java.util.Optional;

/** Where an index lives in storage: {@code _vectors/<name>.lhv1} and {@code _vectors/<name>/<file>}. */
public final class RemoteKeys {

    public static final String PREFIX = "_vectors/";
    private static final String SUFFIX = ".lhv1";

    private RemoteKeys() {
    }

    public static String commitPoint(String index) {
        return PREFIX + index + SUFFIX;
    }

    public static String filePrefix(String index) {
        return PREFIX + index + "/";
    }

    public static String file(String index, String file) {
        return filePrefix(index) + file;
    }

    /** The index name when {@code key} is a commit point, e.g. {@code _vectors/docs.lhv1} → {@code docs}. */
    public static Optional<String> indexOfCommitPoint(String key) {
        if (!key.startsWith(PREFIX) || !key.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String name = key.substring(PREFIX.length(), key.length() - SUFFIX.length());
        return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(name);
    }
}
