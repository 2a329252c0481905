package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class DisconnectWatchdogTest {

    private final AtomicReference<Optional<Boolean>> connected = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T12:00:00Z"));
    private final AtomicBoolean sourceAnswers = new AtomicBoolean(true);
    private final DisconnectWatchdog watchdog = new DisconnectWatchdog(connected::get, sourceAnswers::get,
            Duration.ofSeconds(30),
            new Clock() {
                @Override
                public Instant instant() {
                    return now.get();
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            });

    @Test
    void aReaderNotStartedYetOrConnectedNeverCallsForARestart() {
        assertThat(watchdog.shouldRestart()).isFalse();
        connected.set(Optional.of(true));
        now.set(now.get().plusSeconds(600));
        assertThat(watchdog.shouldRestart()).isFalse();
    }

    @Test
    void aReaderDisconnectedForTheWholeLimitCallsForARestart() {
        connected.set(Optional.of(false));
        assertThat(watchdog.shouldRestart()).isFalse();
        now.set(now.get().plusSeconds(29));
        assertThat(watchdog.shouldRestart()).isFalse();
        now.set(now.get().plusSeconds(1));
        assertThat(watchdog.shouldRestart()).isTrue();
    }

    @Test
    void aReconnectOrAFreshEngineStartsTheCountAgain() {
        connected.set(Optional.of(false));
        watchdog.shouldRestart();
        now.set(now.get().plusSeconds(20));
        connected.set(Optional.of(true));
        watchdog.shouldRestart();
        connected.set(Optional.of(false));
        now.set(now.get().plusSeconds(20));
        assertThat(watchdog.shouldRestart()).isFalse();
        watchdog.reset();
        now.set(now.get().plusSeconds(20));
        assertThat(watchdog.shouldRestart()).as("counted from the first check after the reset").isFalse();
    }

    @Test
    void onlyTheTimeTheSourceAnswersCounts() {
        connected.set(Optional.of(false));
        sourceAnswers.set(false);
        watchdog.shouldRestart();
        now.set(now.get().plusSeconds(600));
        assertThat(watchdog.shouldRestart()).as("a new engine could not connect either").isFalse();

        sourceAnswers.set(true);
        assertThat(watchdog.shouldRestart()).isFalse();
        now.set(now.get().plusSeconds(29));
        assertThat(watchdog.shouldRestart()).as("the client reconnects by itself first").isFalse();
        now.set(now.get().plusSeconds(1));
        assertThat(watchdog.shouldRestart()).isTrue();
    }
}
