package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells when a running engine's binlog reader has been disconnected for too long. Debezium's binlog client
 * was seen to lose its connection (a killed session, a source restart) without reconnecting and without
 * failing the engine, so the route stayed "Started" and read nothing: the consumer restarts such an engine.
 */
final class DisconnectWatchdog {

    private final Supplier<Optional<Boolean>> connected;
    private final Duration limit;
    private final Clock clock;
    private Instant disconnectedSince;

    /** @param connected whether the binlog reader holds its connection; empty while it has not started */
    DisconnectWatchdog(Supplier<Optional<Boolean>> connected, Duration limit, Clock clock) {
        this.connected = connected;
        this.limit = limit;
        this.clock = clock;
    }

    /** Called periodically; true once the reader has been disconnected for {@code limit} without a break. */
    synchronized boolean shouldRestart() {
        if (connected.get().orElse(true)) {
            disconnectedSince = null;
            return false;
        }
        Instant now = clock.instant();
        if (disconnectedSince == null) {
            disconnectedSince = now;
        }
        return !now.isBefore(disconnectedSince.plus(limit));
    }

    /** A new engine starts with a clean record. */
    synchronized void reset() {
        disconnectedSince = null;
    }

    Duration limit() {
        return limit;
    }
}
