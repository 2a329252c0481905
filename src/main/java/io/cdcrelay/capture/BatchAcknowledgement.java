package io.cdcrelay.capture;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for every change of one Debezium batch to be acknowledged by the destination (its exchange
 * completed), and remembers the first failure.
 */
final class BatchAcknowledgement {

    private final CountDownLatch pending;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    BatchAcknowledgement(int size) {
        this.pending = new CountDownLatch(size);
    }

    void succeeded() {
        pending.countDown();
    }

    void failed(Throwable cause) {
        firstFailure.compareAndSet(null, cause);
        pending.countDown();
    }

    /**
     * @throws DeliveryFailedException when a change failed or the acknowledgements did not all arrive in time;
     *                                 the batch must then not be marked processed
     */
    void await(Duration timeout) throws InterruptedException {
        if (!pending.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new DeliveryFailedException(pending.getCount() + " changes were not acknowledged within "
                    + timeout.toSeconds() + " s (relay.delivery.timeout)", null);
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new DeliveryFailedException("a change could not be delivered: " + failure.getMessage(), failure);
        }
    }
}
