package io.cdcrelay.config;

import java.time.Duration;

/**
 * How changes are handed to the destination and when the source position is saved.
 *
 * @param window        changes sent but not yet acknowledged, at most
 * @param timeout       how long a batch may wait for its acknowledgements before the relay treats the
 *                      destination as failed and restarts from the last saved position
 * @param offsetFlush   how often the position of acknowledged changes is saved
 * @param transactionBoundaries whether transactions are held until their end ({@code relay.transaction-sequence},
 *                              rule One)
 * @param transactionChunk      changes of one transaction held at most before they are released anyway
 * @param transactionAtATime    each released transaction is acknowledged before the next is sent (rule One)
 * @param lanes                 threads that render and send, each owning some partitions; 0 renders and sends
 *                              on the source's thread
 * @param guarantee             at-least-once, or exactly-once through Kafka transactions
 * @param positionsTopic        under exactly-once, the compacted topic the source position is written to in each
 *                              Kafka transaction
 */
public record DeliverySettings(int window, Duration timeout, Duration offsetFlush, boolean transactionBoundaries,
        int transactionChunk, boolean transactionAtATime, int lanes, DeliveryGuarantee guarantee,
        String positionsTopic) {

    public boolean exactlyOnce() {
        return guarantee == DeliveryGuarantee.EXACTLY_ONCE;
    }
}
