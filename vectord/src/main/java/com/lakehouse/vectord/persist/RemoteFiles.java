package com.lakehouse.vectord.persist;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data files of one index known to be in storage, with their sizes. Lucene never rewrites a
 * file under the same name, so a file listed here is never uploaded again.
 */
public final class RemoteFiles {

    private final Map<String, Long> files = new ConcurrentHashMap<>();

    public boolean contains(String file, long size) {
        Long known = files.get(file);
        return known != null && known == size;
    }

    public void add(String file, long size) {
        files.put(file, size);
    }

    public void remove(String file) {
        files.remove(file);
    }

    public Set<String> names() {
        return Set.copyOf(files.keySet());
    }

    public int size() {
        return files.size();
    }

    public void clear() {
        files.clear();
    }
}
