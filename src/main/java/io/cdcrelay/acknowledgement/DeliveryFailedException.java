package io.cdcrelay.acknowledgement;

/**
 * A change or record was not acknowledged by the destination, or not in time. Ends the source's session
 * without saving a position past it; the session restarts, and what follows the saved position is read again.
 */
public final class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
