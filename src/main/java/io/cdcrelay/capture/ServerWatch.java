package io.cdcrelay.capture;

import java.util.Optional;
import java.util.function.Supplier;

import io.cdcrelay.failover.SourceFollower;

/**
 * Asks, on the consumer's one-second checks, whether the relay should leave the server it reads for another of
 * {@code relay.source.host}. A binlog reader that lost its connection is the first sign of a dead primary, so the
 * server is asked at once then; while the reader streams, every fifth check, which still sees a primary turned
 * read-only or into a replica. With one server listed nothing is ever asked.
 */
final class ServerWatch {

    static final int CONNECTED_EVERY = 5;

    private final SourceFollower follower;
    /** Whether the binlog reader holds its connection; empty while no engine streams. */
    private final Supplier<Optional<Boolean>> connected;
    private int checks;

    ServerWatch(SourceFollower follower, Supplier<Optional<Boolean>> connected) {
        this.follower = follower;
        this.connected = connected;
    }

    /** Called every second, on one thread. */
    Optional<String> whyLeave() {
        boolean disconnected = !connected.get().orElse(true);
        if (!disconnected && ++checks % CONNECTED_EVERY != 0) {
            return Optional.empty();
        }
        return follower.whyLeave();
    }
}
