package com.lakehouse.storaged;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lakehouse.shared.testing.RepoPaths;

/** Memory figures of a service process, read the way an operator would: /proc and jcmd. */
final class ProcessMemory {

    private final long pid;

    private ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** The child JVM serving on {@code port} (ServiceProcess passes the bind as an argument). */
    static ProcessMemory ofServiceOnPort(int port) {
        String marker = ".bind=127.0.0.1:" + port;
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(marker)).orElse(false))
                .findFirst().map(p -> new ProcessMemory(p.pid()))
                .orElseThrow(() -> new IllegalStateException("no child process serves port " + port));
    }

    /** Peak resident set size since the process started (VmHWM), in bytes. */
    long peakRssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for " + pid);
    }

    /** {@code jcmd <pid> GC.heap_info}: committed heap in bytes. */
    long committedHeapBytes() throws IOException, InterruptedException {
        Path jcmd = Path.of(RepoPaths.java()).resolveSibling("jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("committed (\\d+)K").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected jcmd output: " + out);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }
}
