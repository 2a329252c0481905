package io.cdcrelay.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.cdcrelay.report.RelayHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the relay's health, from the consumer's periodic checks (on one thread), whether the two servers it depends
 * on answer: the destination (changes wait and none was acknowledged for 5 s) and the source (the binlog reader lost
 * its connection). Each outage is logged once as it begins and once as it ends: the broker's client and Debezium's
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
    /** {@link System#nanoTime()} when the destination's current outage began; null while it answers. */
    private Long destinationOutageBegan;
    /** Whether the running engine's binlog reader was seen connected. */
    private volatile boolean readerConnected;

    OutageChecks(RelayHealth health, Supplier<Optional<Boolean>> connected, Clock clock) {
        this.health = health;
        this.connected = connected;
        this.clock = clock;
    }

    /**
     * @param unacknowledgedFor how long changes have waited with none acknowledged; empty while none waits
     * @param lastAcknowledged  {@link System#nanoTime()} of the last change acknowledged
     */
    void check(Optional<Duration> unacknowledgedFor, OptionalLong lastAcknowledged) {
        checkDestination(unacknowledgedFor, lastAcknowledged);
        checkSource();
    }

    /**
     * An outage ends with an acknowledgement, not when nothing waits: a restart after failed sends leaves nothing in
     * flight for a moment, while the destination is still away.
     */
    private void checkDestination(Optional<Duration> unacknowledgedFor, OptionalLong lastAcknowledged) {
        if (unacknowledgedFor.filter(silence -> silence.compareTo(SILENCE) >= 0).isPresent()) {
            if (health.unavailable(DESTINATION, clock.instant().minus(unacknowledgedFor.get()),
                    "the destination acknowledged nothing for " + SILENCE.toSeconds() + " s while changes wait")) {
                destinationOutageBegan = System.nanoTime() - unacknowledgedFor.get().toNanos();
                LOG.warn("The destination has acknowledged nothing for {} s while changes wait: its client keeps "
                        + "retrying, the binlog is read on until relay.delivery.window is full, and readiness is DOWN "
                        + "until it acknowledges again", unacknowledgedFor.get().toSeconds());
            }
        } else if (destinationOutageBegan == null
                || lastAcknowledged.isPresent() && lastAcknowledged.getAsLong() - destinationOutageBegan > 0) {
            destinationOutageBegan = null;
            health.available(DESTINATION).ifPresent(outage -> LOG.info(
                    "The destination acknowledges again, after {} s without an acknowledgement", outage.toSeconds()));
        }
    }

    /** A new engine's reader is not connected until it connects: only a connection seen and then lost counts. */
    void engineStarting() {
        readerConnected = false;
    }

    /** Without a streaming engine (restarting, snapshot) nothing is known, and nothing changes. */
    private void checkSource() {
        connected.get().ifPresent(isConnected -> {
            if (!isConnected) {
                if (readerConnected && health.unavailable(SOURCE, clock.instant(),
                        "the binlog reader lost its connection to the source and is reconnecting")) {
                    LOG.warn("The binlog reader lost its connection to the source; it reconnects every few seconds, and "
                            + "readiness is DOWN until it reads again");
                }
            } else {
                readerConnected = true;
                health.available(SOURCE).ifPresent(outage -> LOG.info(
                        "The binlog reader is connected to the source again, after {} s", outage.toSeconds()));
            }
        });
    }
}
