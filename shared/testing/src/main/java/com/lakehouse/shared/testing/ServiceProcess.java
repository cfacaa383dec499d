package com.lakehouse.shared.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet service run as the launcher runs it: its runnable jar, extracted ({@link ExtractedJars}),
 * in a JVM of its own, on a free
 * loopback port, with properties as {@code --key=value} arguments and an empty working directory
 * (so no lakehouse.toml is picked up by accident). {@link #kill()} is a real SIGKILL, for tests
 * of what survives a crash; {@link #restart()} comes back on the same port with the same settings.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Tries of a first start on a free port that another JVM took between the pick and the bind. */
    private static final int PORT_TRIES = 3;

    private final String module;
    private final Builder builder;
    private final boolean portPicked;
    private int port;
    private ManagedProcess process;
    private boolean started;

    private ServiceProcess(Builder builder) {
        this.module = builder.module;
        this.builder = builder;
        this.portPicked = builder.port <= 0;
        this.port = portPicked ? FreePort.find() : builder.port;
        this.process = processOn(port);
    }

    private ManagedProcess processOn(int bindPort) {
        List<String> command = new ArrayList<>(List.of(RepoPaths.java(), "-Xmx" + builder.heap,
                "--add-modules", "jdk.incubator.vector", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-jar", ExtractedJars.of(RepoPaths.serviceJar(module)).toString(),
                "--lakehouse." + module + ".bind=127.0.0.1:" + bindPort));
        builder.properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        return new ManagedProcess(module, command, builder.environment, builder.workDir);
    }

    public static Builder builder(String module, Path workDir) {
        return new Builder(module, workDir);
    }

    /**
     * Starts and waits for {@code /health} answered by this process: a port picked free can be taken
     * by another test's JVM before this one binds it (the ITs of two modules run side by side), and
     * then that JVM would answer {@code /health}. The service's own log line "started on port N"
     * tells them apart; a first start that lost its port to another process tries a new one.
     */
    public ServiceProcess start() {
        for (int attempt = 1; ; attempt++) {
            long logMark = process.logLength();
            process.start();
            try {
                process.awaitHttp(url("/health"), Duration.ofSeconds(90), false);
                process.awaitLog(logMark, "started on port " + port + " ", Duration.ofSeconds(30));
                started = true;
                return this;
            } catch (IllegalStateException e) {
                boolean portTaken = !process.isAlive() || process.logSince(logMark).contains("already in use");
                if (started || !portPicked || !portTaken || attempt >= PORT_TRIES) {
                    throw e;
                }
                process.kill();
                port = FreePort.find();
                process = processOn(port);
            }
        }
    }

    /** Starts without waiting: for tests that expect startup to fail. */
    public ServiceProcess launch() {
        process.start();
        return this;
    }

    /** The exit code after the process has ended (waits for it). */
    public int exitCode() {
        return process.exitCode();
    }

    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop();
    }

    /** Starts again after {@link #kill()} or {@link #stop()}, same port and settings. */
    public ServiceProcess restart() {
        return start();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI url(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    public Path logFile() {
        return process.logFile();
    }

    /**
     * For a test that gives up on this process while it still runs (e.g. it never answered
     * {@code /health}): its log and thread dumps ({@code jcmd Thread.print}, and every virtual
     * thread's stack as JSON) written to {@code dir}, so the cause is visible after the temp dir is gone.
     */
    public Path diagnose(Path dir, String label) {
        return process.diagnose(dir, label);
    }

    /** Stops gracefully (SIGTERM, then SIGKILL after 30 s) so the service cleans up its temp files. */
    @Override
    public void close() {
        process.stop();
    }

    @Override
    public String toString() {
        return module + "@" + port;
    }

    /** Settings of a service process before it starts. */
    public static final class Builder {
        private final String module;
        private final Path workDir;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new HashMap<>();
        private int port;
        private String heap = "256m";

        private Builder(String module, Path workDir) {
            this.module = module;
            this.workDir = workDir;
        }

        /** A Spring property, e.g. {@code lakehouse.catalogd.storaged_url}. */
        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            environment.putAll(values);
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder heap(String value) {
            this.heap = value;
            return this;
        }

        public ServiceProcess build() {
            return new ServiceProcess(this);
        }

        public ServiceProcess start() {
            return build().start();
        }
    }
}
