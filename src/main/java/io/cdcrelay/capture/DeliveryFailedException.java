package io.cdcrelay.capture;

/**
 * A batch of changes was not acknowledged by the destination. Thrown out of the engine's batch handler so
 * that the engine stops without saving the batch's position; the consumer restarts it, and the batch is
 * read again.
 */
public final class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
