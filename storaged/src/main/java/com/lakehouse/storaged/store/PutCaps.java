package com.lakehouse.storaged.store;

import java.util.Map;

import com.lakehouse.storaged.StoragedProperties;

/** The size cap of a PUT: the longest {@code [storaged.prefix_caps]} prefix the key starts with, else {@code max_put_bytes}. */
public final class PutCaps {

    private final long defaultCap;
    private final Map<String, Long> prefixCaps;

    PutCaps(long defaultCap, Map<String, Long> prefixCaps) {
        this.defaultCap = defaultCap;
        this.prefixCaps = Map.copyOf(prefixCaps);
    }

    public static PutCaps of(StoragedProperties properties) {
        return new PutCaps(properties.maxPutBytes(), properties.prefixCaps());
    }

    public long capFor(ObjectKey key) {
        String best = null;
        for (String prefix : prefixCaps.keySet()) {
            if (key.value().startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? defaultCap : prefixCaps.get(best);
    }
}
