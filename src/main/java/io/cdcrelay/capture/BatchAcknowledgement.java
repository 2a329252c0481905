package io.cdcrelay.capture;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits for every change sent during one Debezium batch to be acknowledged by the destination (its exchange
 * completed), and remembers the first failure.
 */
final class BatchAcknowledgement {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private int pending;

    /** One more change was sent and awaits its acknowledgement. */
    void expect() {
        lock.lock();
        try {
            pending++;
        } finally {
            lock.unlock();
        }
    }

    void succeeded() {
        settle();
    }

    void failed(Throwable cause) {
        firstFailure.compareAndSet(null, cause);
        settle();
    }

    private void settle() {
        lock.lock();
        try {
            if (--pending == 0) {
                settled.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * @throws DeliveryFailedException when a change failed or the acknowledgements did not all arrive in time;
     *                                 the batch must then not be marked processed
     */
    void await(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (pending > 0) {
                if (nanos <= 0) {
                    throw new DeliveryFailedException(pending + " changes were not acknowledged within "
                            + timeout.toSeconds() + " s (relay.delivery.timeout)", null);
                }
                nanos = settled.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new DeliveryFailedException("a change could not be delivered: " + failure.getMessage(), failure);
        }
    }
}
