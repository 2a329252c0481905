package io.cdcrelay.acknowledgement;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;

/**
 * Hands exchanges to the route without waiting for them: the caller waits only while {@code window}
 * exchanges are unacknowledged. Each exchange's outcome (null, or its failure) goes to the caller's callback
 * when its {@link Ticket} settles: the route completed it and the broker acknowledged every message a sink sent
 * for it (a route whose last step completes exchanges on acknowledgement takes no further hold).
 *
 * <p>The first failure is kept until {@link #reset()} and logged once:
 * a broker that refuses one change refuses the ones in flight behind it too, and one line says it. A window
 * in which nothing was acknowledged for {@code timeout} is {@link #stalled()}.
 */
public final class HandOver {

    private final AsyncProcessor route;
    private final BiConsumer<Exchange, Throwable> firstFailure;
    private final Duration timeout;
    private final Semaphore window;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    /** {@link System#nanoTime()} of the last completion, failed or not, or of the send that ended an idle spell. */
    private volatile long lastProgress = System.nanoTime();
    /** {@link System#nanoTime()} of the send that ended an idle spell. */
    private volatile long waitingSince = System.nanoTime();
    /** Of the last completion without error (a refusal is an answer, not a delivery); MIN_VALUE before the first. */
    private volatile long lastAcknowledged = Long.MIN_VALUE;

    /**
     * @param firstFailure told of the first failure since the last {@link #reset()}, to log it
     * @param window  exchanges handed over and not completed, at most ({@code relay.delivery.window})
     * @param timeout how long the window may stay full, or unacknowledged, before delivery counts as failed
     *                ({@code relay.delivery.timeout})
     */
    public HandOver(AsyncProcessor route, BiConsumer<Exchange, Throwable> firstFailure, int window, Duration timeout) {
        this.route = route;
        this.firstFailure = firstFailure;
        this.timeout = timeout;
        this.window = new Semaphore(window);
    }

    /**
     * Waits for room in the window, then hands {@code exchange} to the route.
     *
     * @param outcome told once, with null when the exchange completed without error, else its failure; then the
     *                exchange may be released
     * @throws DeliveryFailedException when a failure is pending, or the window stayed full for the timeout
     */
    public void send(Exchange exchange, Consumer<Throwable> outcome) throws InterruptedException {
        throwIfFailed();
        if (!window.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new DeliveryFailedException("the destination acknowledged nothing for " + timeout.toSeconds()
                    + " s (relay.delivery.timeout)", null);
        }
        // the clock restarts before the count shows the exchange, so a check never pairs it with an old time
        if (inFlight.get() == 0) {
            long now = System.nanoTime();
            lastProgress = now;
            waitingSince = now;
        }
        inFlight.incrementAndGet();
        Ticket ticket = new Ticket(error -> completed(exchange, error, outcome));
        exchange.setProperty(Ticket.PROPERTY, ticket);
        route.process(exchange, doneSync -> ticket.release(exchange.getException()));
    }

    private void completed(Exchange exchange, Throwable error, Consumer<Throwable> outcome) {
        if (error != null && failure.compareAndSet(null, error)) {
            firstFailure.accept(exchange, error);
        }
        long now = System.nanoTime();
        lastProgress = now;
        if (error == null) {
            lastAcknowledged = now;
        }
        try {
            outcome.accept(error);
        } finally {
            window.release();
            if (inFlight.decrementAndGet() == 0) {
                lock.lock();
                try {
                    idle.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** @throws DeliveryFailedException when an exchange failed since the last {@link #reset()} */
    public void throwIfFailed() {
        Throwable first = failure.get();
        if (first != null) {
            throw new DeliveryFailedException("a change could not be delivered: " + first.getMessage(), first);
        }
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Forgets the failure: a new session reads again from the saved position. */
    public void reset() {
        failure.set(null);
    }

    /** Whether exchanges are waiting and none was acknowledged for the timeout. */
    public boolean stalled() {
        return inFlight.get() > 0 && System.nanoTime() - lastProgress > timeout.toNanos();
    }

    /**
     * How long exchanges have waited with none completed without error (failures do not count); empty while none
     * waits.
     */
    public Optional<Duration> unacknowledgedFor() {
        if (inFlight.get() == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - Math.max(waitingSince, lastAcknowledged)));
    }

    /** {@link System#nanoTime()} of the last exchange completed without error; empty before the first. */
    public OptionalLong lastAcknowledged() {
        long acknowledged = lastAcknowledged;
        return acknowledged == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(acknowledged);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Whether the window is empty. */
    public boolean idle() {
        return inFlight.get() == 0;
    }

    /** @return whether every exchange handed over completed within {@code wait} */
    public boolean awaitIdle(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (inFlight.get() > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
