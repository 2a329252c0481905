package io.cdcrelay.acknowledgement;

import java.time.Duration;

/** Delays between engine restarts: doubling from {@code initial} up to {@code max}, reset once data flows. */
public final class RestartBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public RestartBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public synchronized Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    public synchronized void reset() {
        next = initial;
    }
}
