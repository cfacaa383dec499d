package com.lakehouse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process with its output in a log file, started and stopped the way an operator would. */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = workDir.resolve(name + ".log");
    }

    void start() {
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // A developer's own LAKEHOUSE_CONFIG or token must not leak into a test's fleet.
            builder.environment().remove("LAKEHOUSE_CONFIG");
            builder.environment().remove("AUTH_TOKEN");
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Polls the URL until it answers (2xx, or any status when {@code anyStatus}), the process dies, or time runs out. */
    void awaitHttp(URI url, Duration timeout, boolean anyStatus) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail(40));
            }
            if (answers(url, anyStatus)) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " did not answer " + url + " within " + timeout + ":\n" + logTail(40));
    }

    /** Bytes in the log so far: a mark for {@link #logSince} and {@link #awaitLog}. */
    long logLength() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The log written after {@code mark} (the log is appended to across restarts). */
    String logSince(long mark) {
        try {
            byte[] all = Files.exists(logFile) ? Files.readAllBytes(logFile) : new byte[0];
            int from = (int) Math.min(mark, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the log after {@code mark} holds {@code text}; fails if the process dies or time runs out. */
    void awaitLog(long mark, String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (logSince(mark).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail(40));
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " never logged '" + text + "' within " + timeout
                + " (another process answers on its port?):\n" + logTail(40));
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no flush; what a crash looks like. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM: graceful shutdown. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    int exitCode() {
        waitFor();
        return process.exitValue();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path logFile() {
        return logFile;
    }

    /** Copies the log and, while the process runs, writes its thread dumps (platform and virtual threads) into {@code dir}. */
    Path diagnose(Path dir, String label) {
        try {
            Files.createDirectories(dir);
            String prefix = name + "-" + label + "-" + System.currentTimeMillis();
            if (Files.exists(logFile)) {
                Files.copy(logFile, dir.resolve(prefix + ".log"));
            }
            if (process != null && process.isAlive()) {
                String pid = Long.toString(process.pid());
                Path jcmd = Path.of(RepoPaths.java()).resolveSibling("jcmd");
                jcmd(List.of(jcmd.toString(), pid, "Thread.print", "-l"), dir.resolve(prefix + "-threads.txt"));
                jcmd(List.of(jcmd.toString(), pid, "Thread.dump_to_file", "-format=json",
                        dir.resolve(prefix + "-threads.json").toAbsolutePath().toString()), dir.resolve(prefix + "-jcmd.txt"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write diagnostics of " + name + " to " + dir, e);
        }
    }

    private static void jcmd(List<String> command, Path output) throws IOException {
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(URI url, boolean anyStatus) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            int code = connection.getResponseCode();
            connection.disconnect();
            return anyStatus || code / 100 == 2;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
