package io.cdcrelay.transaction;

/**
 * A record the buffer lets go of, in stream order.
 *
 * @param size    changes in the record's transaction, 0 while unknown (outside a transaction, or a chunk
 *                released before the transaction ended)
 * @param last    whether the record is its transaction's last change
 * @param deliver false for BEGIN and END markers: they are acknowledged but not sent
 */
public record Released<T>(T record, long size, boolean last, boolean deliver) {
}
