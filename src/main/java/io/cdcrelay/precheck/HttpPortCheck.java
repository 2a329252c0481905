package io.cdcrelay.precheck;

import io.cdcrelay.ops.HttpPortGuard;

/**
 * Whether {@code relay.http.port} is free to listen on. Two relays on one host both default to 8080, and the
 * second would otherwise stop half-started with Vert.x's bind error. Only {@code --precheck} runs it: a start settles
 * the port on its real bind ({@link HttpPortGuard}).
 */
final class HttpPortCheck {

    private static final String NAME = "http port";

    private final int port;

    HttpPortCheck(int port) {
        this.port = port;
    }

    CheckResult run() {
        return HttpPortGuard.whyUnavailable(null, port)
                .map(reason -> CheckResult.fail(NAME, port + " is in use (" + reason + ")", HttpPortGuard.FIX))
                .orElseGet(() -> CheckResult.pass(NAME, port + " is free for /status, /health and /metrics"));
    }
}
