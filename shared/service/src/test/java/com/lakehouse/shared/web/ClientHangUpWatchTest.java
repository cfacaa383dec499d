package com.lakehouse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.lakehouse.shared.testing.Await;

class ClientHangUpWatchTest {

    /** A real loopback connection stands for the request's: the action runs once its client closes, once. */
    @Test
    void runsTheActionOnceWhenTheClientCloses() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
        try (ClientHangUpWatch watch = new ClientHangUpWatch(Duration.ofMillis(10), Duration.ofMillis(10));
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket accepted = server.accept()) {
                MockHttpServletRequest request = new MockHttpServletRequest();
                request.setLocalPort(accepted.getLocalPort());
                request.setRemotePort(accepted.getPort());
                AtomicInteger hangUps = new AtomicInteger();
                ClientHangUpWatch.Watch watching = watch.watch(request, hangUps::incrementAndGet);
                assertThat(watch.watching()).isEqualTo(1);
                client.close();
                Await.until("the hang-up is seen", () -> hangUps.get() == 1);
                assertThat(watch.watching()).isZero();
                watching.close();
                assertThat(hangUps.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void aClosedWatchIsNoLongerWatched() {
        try (ClientHangUpWatch watch = new ClientHangUpWatch(Duration.ofHours(1), Duration.ofHours(1))) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setLocalPort(3110);
            request.setRemotePort(50000);
            ClientHangUpWatch.Watch watching = watch.watch(request, () -> { });
            assertThat(watch.watching()).isEqualTo(1);
            watching.close();
            watching.close();
            assertThat(watch.watching()).isZero();
        }
    }
}
