package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.cdcrelay.ops.RelayHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the relay's health, from the consumer's periodic checks, whether the two servers it depends on answer: the
 * destination (changes wait and none was acknowledged for 5 s) and the source (the binlog reader lost its
 * connection). Each outage is logged once as it begins and once as it ends: the broker's client and Debezium's
 * binlog client retry on their own, each retry would otherwise be a line.
 */
final class OutageChecks {

    private static final Logger LOG = LoggerFactory.getLogger(OutageChecks.class);
    static final String SOURCE = "source";
    static final String DESTINATION = "destination";
    /**
     * Acknowledgements come within milliseconds, or within the producer's linger; none for this long while changes
     * wait is an outage, not a slow batch.
     */
    static final Duration SILENCE = Duration.ofSeconds(5);

    private final RelayHealth health;
    /** Whether the binlog reader holds its connection; empty while no engine streams. */
    private final Supplier<Optional<Boolean>> connected;
    private final Clock clock;

    OutageChecks(RelayHealth health, Supplier<Optional<Boolean>> connected, Clock clock) {
        this.health = health;
        this.connected = connected;
        this.clock = clock;
    }

    /** @param unacknowledgedFor how long changes have waited with none acknowledged; empty while none waits */
    void check(Optional<Duration> unacknowledgedFor) {
        checkDestination(unacknowledgedFor);
        checkSource();
    }

    private void checkDestination(Optional<Duration> unacknowledgedFor) {
        if (unacknowledgedFor.filter(silence -> silence.compareTo(SILENCE) >= 0).isPresent()) {
            if (health.unavailable(DESTINATION, clock.instant().minus(unacknowledgedFor.get()),
                    "the destination acknowledged nothing for " + SILENCE.toSeconds() + " s while changes wait")) {
                LOG.warn("The destination has acknowledged nothing for {} s while changes wait: its client keeps "
                        + "retrying, the binlog is read on until relay.delivery.window is full, and readiness is DOWN "
                        + "until it acknowledges again", unacknowledgedFor.get().toSeconds());
            }
        } else {
            health.available(DESTINATION).ifPresent(outage -> LOG.info(
                    "The destination acknowledges again, after {} s without an acknowledgement", outage.toSeconds()));
        }
    }

    /** Without a streaming engine (restarting, snapshot) nothing is known, and nothing changes. */
    private void checkSource() {
        connected.get().ifPresent(isConnected -> {
            if (!isConnected) {
                if (health.unavailable(SOURCE, clock.instant(), "the binlog reader lost its connection to the source "
                        + "and is reconnecting")) {
                    LOG.warn("The binlog reader lost its connection to the source; it reconnects every second, and "
                            + "readiness is DOWN until it reads again");
                }
            } else {
                health.available(SOURCE).ifPresent(outage -> LOG.info(
                        "The binlog reader is connected to the source again, after {} s", outage.toSeconds()));
            }
        });
    }
}
