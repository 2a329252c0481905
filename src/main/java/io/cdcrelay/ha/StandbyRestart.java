package io.cdcrelay.ha;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a relay does when it loses the lead: it ends its Camel context and the launcher starts a new one, which
 * joins the election as a standby. A fresh context rather than stopped and restarted routes, because what a
 * former leader holds (its Debezium engine session, changes in flight, a Kafka producer that may have been fenced)
 * must not carry over into a later term.
 */
public final class StandbyRestart {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<Runnable> stop = new AtomicReference<>(() -> { });

    /** @param stopContext ends the running Camel Main (its {@code completed()}) */
    public void stopWith(Runnable stopContext) {
        stop.set(stopContext);
    }

    void request() {
        if (requested.compareAndSet(false, true)) {
            stop.get().run();
        }
    }

    /** Whether the context ended because the relay lost the lead, so a new one must start. */
    public boolean requested() {
        return requested.get();
    }
}
