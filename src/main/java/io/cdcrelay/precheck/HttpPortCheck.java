package io.cdcrelay.precheck;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether {@code relay.http.port} is free to listen on. Two relays on one host both default to 8080, and the
 * second would otherwise stop half-started with Vert.x's bind error.
 */
final class HttpPortCheck {

    private static final String NAME = "http port";

    private final int port;

    HttpPortCheck(int port) {
        this.port = port;
    }

    CheckResult run() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return CheckResult.pass(NAME, port + " is free for /status, /health and /metrics");
        } catch (IOException e) {
            return CheckResult.fail(NAME, port + " is in use (" + e.getMessage() + ")",
                    "set relay.http.port to a free port, or to 0 to run without the HTTP endpoints");
        }
    }
}
