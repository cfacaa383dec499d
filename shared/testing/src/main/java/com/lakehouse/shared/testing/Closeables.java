package com.lakehouse.shared.testing;

/** The teardown of an IT's fleet: everything it started, stopped in the order given. */
public final class Closeables {

    private Closeables() {
    }

    /** Closes each resource that is not null; one that fails to close does not keep the rest running. */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception ignored) {
                // the rest still stop; the temp directories go with the JVM anyway
            }
        }
    }
}
