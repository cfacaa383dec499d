package com.lakehouse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.testing.Await;

class ClientConnectionTest {

    @Test
    void findsTheStateOfAConnectionByItsPorts() {
        List<String> table = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:0C8E 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
                "   1: 0100007F:0C8E 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 2",
                "   2: 0100007F:0C8E 0100007F:D432 08 00000000:00000000 00:00000000 00000000     0        0 3");
        assertThat(ClientConnection.stateOf(table, 3214, 0xD431)).contains("01");
        assertThat(ClientConnection.stateOf(table, 3214, 0xD432)).contains("08");
        assertThat(ClientConnection.stateOf(table, 3214, 0xD433)).isEmpty();
    }

    /** The kernel's own table: open, then closed by the client (FIN), then reset (gone from the table). */
    @Test
    void aClientThatClosesIsSeenGone() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket accepted = server.accept()) {
                int local = accepted.getLocalPort();
                int remote = accepted.getPort();
                assertThat(ClientConnection.gone(local, remote)).isFalse();
                client.close();
                Await.until("the closed connection is seen", () -> ClientConnection.gone(local, remote));
            }
        }
    }
}
