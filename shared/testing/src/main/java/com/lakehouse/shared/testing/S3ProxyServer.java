package com.lakehouse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real S3 protocol server for ITs: S3Proxy's runnable jar with the filesystem backend, on a
 * loopback port of its own. {@link #stop()} and {@link #start()} keep port and data, so a test can
 * take S3 away and bring it back.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "lakehouse-test";
    public static final String SECRET_KEY = "lakehouse-test-secret";

    private final int port;
    private final ManagedProcess process;

    private S3ProxyServer(Path workDir) {
        this.port = FreePort.find();
        Path data = workDir.resolve("s3-data");
        Path properties = workDir.resolve("s3proxy.properties");
        try {
            Files.createDirectories(data);
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.process = new ManagedProcess("s3proxy", List.of(RepoPaths.java(), "-Xmx256m", "-jar",
                RepoPaths.s3ProxyJar().toString(), "--properties", properties.toAbsolutePath().toString()),
                Map.of(), workDir);
    }

    /** Starts a server whose data and log live under {@code workDir}. */
    public static S3ProxyServer start(Path workDir) {
        S3ProxyServer server = new S3ProxyServer(workDir);
        server.start();
        return server;
    }

    /** (Re)starts on the same port with the same data. */
    public void start() {
        process.start();
        // The same bound as a service start (ServiceProcess): on a loaded CI machine S3Proxy's
        // logback setup alone has taken 10 s.
        process.awaitHttp(endpoint(), Duration.ofSeconds(90), true);
    }

    /** Stops the server as an outage would: the port closes, the data stays. */
    public void stop() {
        process.kill();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The properties storaged needs to reach this server (credentials travel as env, see {@link #credentialsEnv()}). */
    public Map<String, String> storagedProperties() {
        return Map.of("lakehouse.s3.endpoint", endpoint().toString());
    }

    /** SPEC §2.1: credentials come from the environment. */
    public Map<String, String> credentialsEnv() {
        return Map.of("LH_S3_ACCESS_KEY_ID", ACCESS_KEY, "LH_S3_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() {
        stop();
    }
}
