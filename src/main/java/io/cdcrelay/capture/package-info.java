/**
 * The {@code debezium-mysql} component the relay binds: Debezium's engine run session after session
 * ({@link io.cdcrelay.acknowledgement.SessionLoop}), its records handed to the route without waiting for the
 * broker, and a source position saved only once the broker acknowledged every change up to it; plus the Debezium
 * configuration built from the relay's settings and the start position; re-snapshots on demand (Debezium's
 * incremental snapshot signalled through the signal table, tables added to the running selection); and the
 * start's check that the saved position is still on the server ({@link io.cdcrelay.capture.SavedPositionCheck}).
 * Where the position is stored, and what it is worth, is {@link io.cdcrelay.position}'s. The schema history
 * survives a kill at any moment: it loses only an unfinished last record
 * ({@link io.cdcrelay.capture.RepairingFileSchemaHistory}).
 */
package io.cdcrelay.capture;
