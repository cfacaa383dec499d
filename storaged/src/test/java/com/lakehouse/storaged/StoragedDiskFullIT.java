package com.lakehouse.storaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * Disk full (issue #21): S3Proxy's filesystem backend on a 24 MiB tmpfs this test mounts. The PUT
 * that hits the full disk gets a clear 503 (or 507), nothing acknowledged earlier is lost or
 * changed, nothing of the failed PUT is visible, and once space is freed PUTs work again, without
 * restarting anything. Mounting needs root; without it the test is skipped and says why.
 */
class StoragedDiskFullIT {

    private static final int OBJECT_BYTES = 1024 * 1024;

    @TempDir
    static Path work;
    static Path mountPoint;
    static boolean mounted;
    static S3ProxyServer s3;
    static ServiceProcess storaged;
    static StoragedHttp http;

    @BeforeAll
    static void startOnASmallDisk() throws Exception {
        mountPoint = Files.createDirectories(work.resolve("s3").resolve("s3-data"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root and mount(8)); the disk-full case is not tested");
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).properties(s3.storagedProperties()).start();
        http = new StoragedHttp(storaged.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (storaged != null) {
            storaged.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (mounted) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static byte[] body(int n) {
        byte[] bytes = new byte[OBJECT_BYTES];
        Arrays.fill(bytes, (byte) n);
        return bytes;
    }

    @Test
    void theWriteThatFillsTheDiskFailsClearlyAndNothingEarlierIsLost() {
        List<Integer> acknowledged = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            HttpResponse<String> put = http.put("full/" + i, body(i));
            if (put.statusCode() == 200) {
                acknowledged.add(i);
            } else {
                refused = put;
            }
        }
        assertThat(refused).as("a 24 MiB disk refuses one of sixty 1 MiB objects").isNotNull();
        assertThat(refused.statusCode()).as(refused.body()).isIn(503, 507);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(acknowledged).hasSizeGreaterThan(5);
        int failed = acknowledged.size();
        assertThat(http.head("full/" + failed).statusCode()).as("nothing of the failed PUT is visible").isEqualTo(404);

        for (int i : acknowledged) {
            HttpResponse<byte[]> get = http.get("full/" + i, null);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).as("object " + i + " is intact").isEqualTo(body(i));
        }

        for (int i = 0; i < 4; i++) {
            assertThat(http.delete("full/" + acknowledged.get(i)).statusCode()).isEqualTo(204);
        }
        assertThat(http.put("full/after", body(99)).statusCode()).as("space freed: PUTs work again").isEqualTo(200);
        assertThat(http.get("full/after", null).body()).isEqualTo(body(99));
    }
}
