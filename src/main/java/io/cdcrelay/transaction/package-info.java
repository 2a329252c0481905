/**
 * Holding a source transaction until its end, in bounded chunks, so that each change can say its place in
 * the transaction and whether it is the last. Lives in front of the route, not in a Camel aggregator: an
 * aggregator completes its incoming exchanges when it stores them, which would let the saved source
 * position run ahead of what the broker acknowledged.
 */
package io.cdcrelay.transaction;
