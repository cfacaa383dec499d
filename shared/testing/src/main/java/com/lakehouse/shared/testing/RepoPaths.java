package com.lakehouse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the reactor's build outputs are, for ITs that run real jars. */
public final class RepoPaths {

    private RepoPaths() {
    }

    /** The reactor root: failsafe passes it as {@code lakehouse.repo.root}; else walk up to the root pom. */
    public static Path root() {
        String configured = System.getProperty("lakehouse.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("lakehouse")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the reactor root from " + Path.of("").toAbsolutePath());
    }

    /** The runnable jar of a service module, built by {@code package} before failsafe runs. */
    public static Path serviceJar(String module) {
        Path target = root().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-exec.jar in " + target + "; run ./mvnw package first"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target + "; build " + module + " first", e);
        }
    }

    /** The embedded S3 server jar the root pom copies into target/tools. */
    public static Path s3ProxyJar() {
        Path jar = root().resolve("target/tools/s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; './mvnw -N initialize' copies it");
        }
        return jar;
    }

    /** The JVM running this test: it is >= 21, which the services need. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
