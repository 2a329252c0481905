package io.cdcrelay.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class HttpPortCheckTest {

    @Test
    void aPortAnotherProcessListensOnFailsWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            CheckResult result = new HttpPortCheck(taken.getLocalPort()).run();
            assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(result.fix()).isEqualTo("set relay.http.port to a free port, or to 0 to run without the HTTP endpoints");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(new HttpPortCheck(port).run().status()).isEqualTo(CheckResult.Status.PASS);
    }
}
