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
 * A fleet service run as the launcher runs it: its runnable jar in a JVM of its own, on a free
 * loopback port, with properties as {@code --key=value} arguments and an empty working directory
 * (so no lakehouse.toml is picked up by accident). {@link #kill()} is a real SIGKILL, for tests
 * of what survives a crash; {@link #restart()} comes back on the same port with the same settings.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final int port;
    private final ManagedProcess process;

    private ServiceProcess(Builder builder) {
        this.module = builder.module;
        this.port = builder.port > 0 ? builder.port : FreePort.find();
        List<String> command = new ArrayList<>(List.of(RepoPaths.java(), "-Xmx" + builder.heap,
                "--add-modules", "jdk.incubator.vector", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-jar", RepoPaths.serviceJar(module).toString(),
                "--lakehouse." + module + ".bind=127.0.0.1:" + port));
        builder.properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        this.process = new ManagedProcess(module, command, builder.environment, builder.workDir);
    }

    public static Builder builder(String module, Path workDir) {
        return new Builder(module, workDir);
    }

    /** Starts and waits for {@code /health}. */
    public ServiceProcess start() {
        process.start();
        process.awaitHttp(url("/health"), Duration.ofSeconds(90), false);
        return this;
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
