/**
 * The {@code debezium-mysql} component the relay binds: Debezium's engine run session after session
 * ({@link io.cdcrelay.delivery.SessionLoop}), its records handed to the route without waiting for the broker, and
 * a source position saved only once the broker acknowledged every change up to it; plus the Debezium
 * configuration built from the relay's settings and the start position; re-snapshots on demand (Debezium's
 * incremental snapshot signalled through the signal table, tables added to the running selection); and the
 * binlog-retention guard (a saved position the source purged stops the start; a gauge tells how long the source
 * still keeps it). The state files survive a kill at any moment: the offsets file is replaced whole
 * ({@link io.cdcrelay.capture.AtomicOffsetFileStore}), the schema history loses only an unfinished last record
 * ({@link io.cdcrelay.capture.RepairingFileSchemaHistory}).
 */
package io.cdcrelay.capture;
