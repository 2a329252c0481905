package io.cdcrelay.acknowledgement;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What stands for one exchange a {@link HandOver} gave the route, until everything the route sent for it was
 * acknowledged: the route itself holds it until the exchange completes, and a sink holds it for each message it
 * sends, from the send to the broker's answer. It settles when the last hold is released, with the first failure
 * or null, and only then may the change's source position count as delivered.
 *
 * <p>So the route can complete an exchange as soon as its sink has sent the message, on the thread that sent it,
 * and the broker's callback only releases a hold: no route machinery runs on the broker client's I/O thread.
 * Found on an exchange under {@link #PROPERTY}, copies of a split included.
 */
public final class Ticket {

    /** The exchange property a hand-over sets to the exchange's ticket. */
    public static final String PROPERTY = "CdcRelayTicket";

    /** Told once, when the ticket settled. */
    @FunctionalInterface
    public interface Settled {

        /**
         * @param failure null when everything was acknowledged, else the first failure
         * @param bytes   the sizes of the messages sent for the ticket, added up
         */
        void settled(Throwable failure, long bytes);
    }

    /** The route's own hold, then one for each message sent. */
    private final AtomicInteger holds = new AtomicInteger(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Consumer<Throwable> owner;
    /** Set by route steps while the route holds the ticket, so before it can settle. */
    private volatile Settled watcher;

    /** @param owner the hand-over, told of the outcome once */
    Ticket(Consumer<Throwable> owner) {
        this.owner = owner;
    }

    /** A message is on its way: the ticket does not settle before {@link #release} for it. */
    public void hold() {
        if (holds.getAndIncrement() <= 0) {
            holds.decrementAndGet();
            throw new IllegalStateException("a settled ticket cannot be held again");
        }
    }

    /**
     * The broker answered for a message {@link #hold} announced.
     *
     * @param error null when it was stored
     * @param sent  the message's size
     */
    public void release(Throwable error, long sent) {
        bytes.addAndGet(sent);
        release(error);
    }

    /** The route completed the exchange (with its failure, or null), or a held message was answered. */
    void release(Throwable error) {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
        if (holds.decrementAndGet() == 0) {
            Throwable first = failure.get();
            Settled watching = watcher;
            if (watching != null) {
                watching.settled(first, bytes.get());
            }
            owner.accept(first);
        }
    }

    /** Also tells {@code settled} when the ticket settles; a step calls it while the route runs the exchange. */
    public void watch(Settled settled) {
        Settled before = watcher;
        watcher = before == null ? settled : (error, sent) -> {
            before.settled(error, sent);
            settled.settled(error, sent);
        };
    }
}
