package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import io.cdcrelay.report.RelayHealth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Outages as the consumer's checks see them, without a server: the figures are handed in. */
class OutageChecksTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RelayHealth health = new RelayHealth(meters, Clock.systemUTC());
    private final AtomicReference<Optional<Boolean>> connected = new AtomicReference<>(Optional.of(true));
    private final OutageChecks checks = new OutageChecks(health, connected::get, Clock.systemUTC());

    @Test
    void changesWaitingFiveSecondsWithoutAnAcknowledgementAreADestinationOutage() {
        checks.check(Optional.of(Duration.ofSeconds(4)), OptionalLong.empty());
        assertThat(health.notReadyBecause()).isEmpty();

        checks.check(Optional.of(Duration.ofSeconds(5)), OptionalLong.empty());
        checks.check(Optional.of(Duration.ofSeconds(6)), OptionalLong.empty());

        assertThat(health.notReadyBecause()).containsKey("destination");
        assertThat(meters.counter("relay.outages", "component", "destination").count()).as("one outage").isEqualTo(1);
        assertThat(meters.get("relay.outage.seconds").tag("component", "destination").gauge().value())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aDestinationOutageEndsWithAnAcknowledgementNotWhenNothingWaits() {
        checks.check(Optional.of(Duration.ofSeconds(6)), OptionalLong.empty());

        checks.check(Optional.empty(), OptionalLong.empty());
        assertThat(health.notReadyBecause()).as("a restart left nothing in flight").containsKey("destination");

        checks.check(Optional.empty(), OptionalLong.of(System.nanoTime()));
        assertThat(health.notReadyBecause()).isEmpty();
        assertThat(health.states()).containsEntry("destination", RelayHealth.State.AVAILABLE);
        assertThat(meters.get("relay.outage.seconds").tag("component", "destination").gauge().value()).isZero();
    }

    @Test
    void aReaderNotConnectedYetIsNoOutage() {
        checks.engineStarting();
        connected.set(Optional.of(false));
        checks.check(Optional.empty(), OptionalLong.empty());

        assertThat(health.notReadyBecause()).isEmpty();
    }

    @Test
    void aDisconnectedBinlogReaderIsASourceOutageUntilItIsConnectedAgain() {
        checks.check(Optional.empty(), OptionalLong.empty());
        connected.set(Optional.of(false));
        checks.check(Optional.empty(), OptionalLong.empty());
        assertThat(health.notReadyBecause()).containsKey("source");

        checks.engineStarting();
        checks.check(Optional.empty(), OptionalLong.empty());
        assertThat(health.notReadyBecause()).as("a restarted engine's reader does not end it").containsKey("source");

        connected.set(Optional.empty());
        checks.check(Optional.empty(), OptionalLong.empty());
        assertThat(health.notReadyBecause()).as("no engine streams: nothing known, nothing changes").containsKey("source");

        connected.set(Optional.of(true));
        checks.check(Optional.empty(), OptionalLong.empty());
        assertThat(health.notReadyBecause()).isEmpty();
        assertThat(meters.counter("relay.outages", "component", "source").count()).isEqualTo(1);
    }
}
