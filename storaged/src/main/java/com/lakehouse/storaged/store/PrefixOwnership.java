package com.lakehouse.storaged.store;

import java.util.Map;
import java.util.TreeSet;

import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.storage.OwnedPrefixes;
import com.lakehouse.shared.storage.StorageClient;

/**
 * Who may change a key (issue 20): under a prefix a fleet service owns ({@link OwnedPrefixes}),
 * only a request whose {@link StorageClient#SERVICE_HEADER} names an owner may PUT or DELETE. The
 * gateway strips that header, so through {@code /v1/storage} these keys are read-only: a hand-made
 * {@code _catalog/} object can never stop catalogd from starting.
 */
public final class PrefixOwnership {

    private PrefixOwnership() {
    }

    /** Refuses with 403 before anything is read or changed; {@code caller} is the header's value. */
    public static void checkMayChange(ObjectKey key, String caller, String operation) {
        if (OwnedPrefixes.mayChange(key.value(), caller)) {
            return;
        }
        String prefix = OwnedPrefixes.prefixOf(key.value()).orElseThrow();
        String owners = String.join(", ", new TreeSet<>(OwnedPrefixes.OWNERS.get(prefix)));
        throw new ForbiddenOperationException("key: '" + prefix + "' is owned by " + owners + "; a " + operation
                + " under it must come from that service (" + StorageClient.SERVICE_HEADER + "), not through /v1/storage",
                Map.of("field", "key", "prefix", prefix, "owners", owners));
    }
}
