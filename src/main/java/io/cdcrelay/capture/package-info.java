/**
 * The {@code debezium-mysql} component the relay binds: Debezium's engine run in batches whose source
 * position is saved only after the destination acknowledged every change, restarted with backoff when it
 * fails; and the Debezium configuration built from the relay's settings.
 */
package io.cdcrelay.capture;
