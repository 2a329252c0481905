package io.cdcrelay.sink;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Counts the acknowledgements of a message's copies and reports once, when the last one is in. */
final class AllAcknowledged implements Consumer<Throwable> {

    private final AtomicInteger pending;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Consumer<Throwable> done;

    AllAcknowledged(int copies, Consumer<Throwable> done) {
        this.pending = new AtomicInteger(copies);
        this.done = done;
    }

    /** @param error null for a copy the broker stored */
    @Override
    public void accept(Throwable error) {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
        if (pending.decrementAndGet() == 0) {
            done.accept(failure.get());
        }
    }
}
