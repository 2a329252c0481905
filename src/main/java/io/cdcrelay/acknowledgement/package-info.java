/**
 * The acknowledgement core both source consumers (Debezium's engine and the Kafka mirror) are thin adapters
 * of: {@link io.cdcrelay.acknowledgement.HandOver} hands exchanges to the route without waiting for them, at most a
 * window unacknowledged, and reports each outcome; {@link io.cdcrelay.acknowledgement.AcknowledgedPrefix} turns
 * acknowledgements that arrive in any order into the growing prefix whose position may be saved;
 * {@link io.cdcrelay.acknowledgement.SessionLoop} runs a source session after session, restarting a failed one with
 * backoff, and reports it in the relay's health.
 *
 * <p>Why: a source thread that waits for a broker round trip per batch delivered a quarter of what Debezium
 * reads. With these, the source thread waits only while the window is full, and a saved position still never
 * runs ahead of what the broker acknowledged.
 */
package io.cdcrelay.acknowledgement;
