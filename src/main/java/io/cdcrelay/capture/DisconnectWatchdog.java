package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Tells when a running engine's binlog reader has been disconnected for too long. Debezium's binlog client
 * was seen to lose its connection (a killed session, a source restart) without reconnecting and without
 * failing the engine, so the route stayed "Started" and read nothing: the consumer restarts such an engine.
 * (Its keep-alive thread, which reconnects, looked only every minute by default; the relay has it look every
 * second.) Only the time the source answers counts: while it does not, a new engine could not connect either,
 * and the client reconnects by itself within a second of its return.
 */
final class DisconnectWatchdog {

    private final Supplier<Optional<Boolean>> connected;
    private final BooleanSupplier sourceAnswers;
    private final Duration limit;
    private final Clock clock;
    private Instant disconnectedSince;

    /**
     * @param connected     whether the binlog reader holds its connection; empty while it has not started
     * @param sourceAnswers whether the source accepts connections, asked only while the reader is disconnected
     */
    DisconnectWatchdog(Supplier<Optional<Boolean>> connected, BooleanSupplier sourceAnswers, Duration limit,
            Clock clock) {
        this.connected = connected;
        this.sourceAnswers = sourceAnswers;
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Called periodically; true once the reader has been disconnected for {@code limit} without a break while the
     * source answered.
     */
    synchronized boolean shouldRestart() {
        if (connected.get().orElse(true) || !sourceAnswers.getAsBoolean()) {
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
