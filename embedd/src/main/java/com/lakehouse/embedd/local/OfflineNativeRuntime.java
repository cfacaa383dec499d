package com.lakehouse.embedd.local;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps the native libraries under the local model off the network, before any of them loads.
 *
 * <p>onnxruntime 1.29.0 added POSIX telemetry: at environment creation it reads the machine id and
 * command line and starts an uploader to Microsoft's collector. Only the C environment variable
 * {@code ORT_DISABLE_TELEMETRY=1}, read once when the runtime initialises, turns it off completely;
 * {@code OrtEnvironment.setTelemetry(false)} comes too late. Its command-line parsing also recurses
 * deeply enough to overflow a default 1 MiB thread stack when the command line is long (a test JVM's
 * classpath), which kills the process with SIGSEGV. So the variable is set in this process's own
 * environment with {@code setenv(3)} unless the operator already set it.
 *
 * <p>DJL (the tokenizer's runtime) is told to stay offline and not to report usage: its native
 * library ships inside its jar, so it never needs a download.
 */
final class OfflineNativeRuntime {

    static final String ORT_TELEMETRY_VARIABLE = "ORT_DISABLE_TELEMETRY";

    private static final Log LOG = LogFactory.getLog(OfflineNativeRuntime.class);

    private static boolean prepared;

    private OfflineNativeRuntime() {
    }

    /** Idempotent; call before the first use of any {@code ai.onnxruntime} or DJL class. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        setPropertyIfAbsent("DJL_OFFLINE", "true");
        setPropertyIfAbsent("OPT_OUT_TRACKING", "true");
        if (!"1".equals(System.getenv(ORT_TELEMETRY_VARIABLE)) && !Platform.isWindows()) {
            try {
                int rc = CLibrary.INSTANCE.setenv(ORT_TELEMETRY_VARIABLE, "1", 1);
                if (rc != 0) {
                    LOG.warn("setenv(" + ORT_TELEMETRY_VARIABLE + ") failed; set it in the service environment");
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.warn("cannot set " + ORT_TELEMETRY_VARIABLE + " (" + e.getClass().getSimpleName()
                        + "); set it in the service environment");
            }
        }
        prepared = true;
    }

    private static void setPropertyIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The one libc call needed. */
    interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
