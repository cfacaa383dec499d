package com.lakehouse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's exec jar extracted as the launcher runs it ({@code java -Djarmode=tools -jar X.jar
 * extract}: the application jar with its libraries as plain jars beside it, on the JDK's own class
 * loader). Running the exec jar itself puts every class behind Spring Boot's nested-jar loader,
 * whose locks, on a 2-core machine, can leave virtual threads that load classes at the same moment
 * waiting for good (spring-boot#51463, open in 4.1.2): two fresh-clone CI runs hung that way in
 * crash ITs, each at the first registers of a fresh catalogd, whose request threads are virtual.
 * The extraction is made once per exec jar (its size and modification time) and shared by every
 * test JVM of the build, guarded by a file lock.
 */
final class ExtractedJars {

    private static final String STAMP = ".extracted-from";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(3);

    private ExtractedJars() {
    }

    /** The extracted copy of {@code execJar} (extracting it first when missing or of another build). */
    static synchronized Path of(Path execJar) {
        String jarName = execJar.getFileName().toString();
        Path dir = execJar.resolveSibling(jarName.substring(0, jarName.length() - ".jar".length()) + "-extracted");
        Path extracted = dir.resolve(jarName);
        try {
            String source = Files.size(execJar) + " " + Files.getLastModifiedTime(execJar).toMillis();
            if (current(dir, source)) {
                return extracted;
            }
            Path lockFile = execJar.resolveSibling(".extract.lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (!current(dir, source)) {
                    extract(execJar, dir, source);
                }
            }
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + execJar, e);
        }
    }

    private static boolean current(Path dir, String source) throws IOException {
        Path stamp = dir.resolve(STAMP);
        return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(source);
    }

    /** Into a scratch directory first, moved into place whole: a reader never sees half an extraction. */
    private static void extract(Path execJar, Path dir, String source) throws IOException {
        Path scratch = dir.resolveSibling(dir.getFileName() + ".partial");
        deleteTree(scratch);
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        Process process = new ProcessBuilder(RepoPaths.java(), "-Djarmode=tools", "-jar", execJar.toString(),
                "extract", "--destination", scratch.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("extracting " + execJar + " took more than " + EXTRACT_TIMEOUT + "; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + execJar, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("extracting " + execJar + " failed (exit " + process.exitValue() + "); see " + log);
        }
        Files.writeString(scratch.resolve(STAMP), source, StandardCharsets.UTF_8);
        deleteTree(dir);
        Files.move(scratch, dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
