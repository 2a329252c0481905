package io.cdcrelay.capture;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.cdcrelay.acknowledgement.AcknowledgedPrefix;
import io.cdcrelay.acknowledgement.HandOver;
import io.cdcrelay.acknowledgement.SessionLoop;
import io.cdcrelay.change.PrimaryKeyUpdate;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.transaction.Released;
import io.cdcrelay.transaction.TransactionBuffer;
import io.cdcrelay.transaction.TransactionMarkers;
import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import org.apache.camel.Exchange;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of Debezium's engine, from the saved position to its failure, its end or its finish.
 *
 * <p>The engine's thread hands each released record to the route through a {@link HandOver} and returns to
 * Debezium at once; it waits only while {@code relay.delivery.window} changes are unacknowledged. An
 * {@link AcknowledgedPrefix} numbers the records in stream order and marks a record processed for the engine only
 * once it and everything before it were acknowledged, so the offsets the engine flushes (every
 * {@code relay.offset.flush-interval}, also while the source is quiet) never run ahead of the broker. A failed
 * delivery ends the session unsaved past it: at least once, never lost.
 *
 * <p>With transaction boundaries on, the changes of a transaction are held until its END marker (or a chunk is
 * full) so each can carry its transaction's size and whether it is the last; the body handed over is the
 * {@link Released} record. Rule One's "next transaction only after the previous one is acknowledged" is kept by the
 * sink's transaction gate, not by this thread.
 */
final class EngineSession implements SessionLoop.Session, DebeziumEngine.CompletionCallback {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSession.class);

    private final AcknowledgingDebeziumConsumer consumer;
    private final RelayDebeziumEndpoint endpoint;
    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final CaptureControl control;
    private final DisconnectWatchdog watchdog;
    private final SessionLoop loop;
    /**
     * The previous session's hand-over: its changes in flight are settled before this one reads again. Only the
     * hand-over, not the session, so sessions do not chain each other across restarts.
     */
    private final HandOver previous;
    private final HandOver handOver;
    /** This session's number, counting from 1 in the consumer: a sink that failed a change refuses the session. */
    private final long number;
    private final AcknowledgedPrefix<ChangeEvent<SourceRecord, SourceRecord>> acknowledged =
            new AcknowledgedPrefix<>(this::markProcessed);
    /** Used by the engine's one processing thread only. */
    private final TransactionBuffer<ChangeEvent<SourceRecord, SourceRecord>> transactions;
    /** The engine's committer: one per engine, first seen in its first batch. */
    private volatile DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer;
    private volatile DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private volatile boolean ended;
    private volatile boolean inBatch;
    private volatile Throwable failure;
    private int snapshotIdleChecks;

    EngineSession(AcknowledgingDebeziumConsumer consumer, RelayDebeziumEndpoint endpoint, DeliverySettings delivery,
            RelayHealth health, CaptureControl control, DisconnectWatchdog watchdog, SessionLoop loop, HandOver previous,
            long number) {
        this.control = control;
        this.consumer = consumer;
        this.number = number;
        this.endpoint = endpoint;
        this.delivery = delivery;
        this.health = health;
        this.watchdog = watchdog;
        this.loop = loop;
        this.previous = previous;
        this.handOver = new HandOver(consumer.getAsyncProcessor(),
                (exchange, e) -> consumer.getExceptionHandler().handleException("Change not delivered", exchange, e),
                delivery.window(), delivery.timeout());
        boolean boundaries = delivery.transactionBoundaries();
        this.transactions = new TransactionBuffer<>(delivery.transactionChunk(),
                r -> boundaries ? TransactionMarkers.kind(r.value()) : TransactionBuffer.Kind.CHANGE,
                r -> TransactionMarkers.eventCount(r.value()));
    }

    @Override
    public void run() throws Exception {
        if (previous != null && !awaitPrevious()) {
            return;
        }
        watchdog.reset();
        control.engineStarting();
        DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> created = DebeziumEngine.create(Connect.class)
                .using(endpoint.engineProperties())
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        health.running(AcknowledgingDebeziumConsumer.COMPONENT);
                        control.engineStarted();
                    }
                })
                .using(this)
                .notifying(consumer)
                .build();
        synchronized (this) {
            if (ended) {
                return;
            }
            engine = created;
        }
        created.run();
        Throwable failed = failure;
        if (failed != null && !ended) {
            throw failed instanceof Exception e ? e : new IllegalStateException(failed);
        }
    }

    /**
     * Waits for the changes the previous session handed over to be acknowledged or failed. Under at-least-once only
     * for {@code relay.delivery.timeout}: what is still unsettled then is sent again from the saved position. Under
     * exactly-once for as long as it takes (Kafka away), since the committed position this session starts from is
     * final only once the sink settled every transaction; reading it earlier could send again what a transaction
     * still being settled then commits.
     *
     * @return false when the session was ended meanwhile
     */
    private boolean awaitPrevious() throws InterruptedException {
        while (!previous.awaitIdle(delivery.timeout())) {
            if (!delivery.exactlyOnce()) {
                LOG.warn("Changes handed over before the restart were not all acknowledged within {} s; they are "
                        + "sent again from the saved position", delivery.timeout().toSeconds());
                return true;
            }
            if (ended) {
                return false;
            }
            LOG.warn("Changes handed over before the restart are still not settled after {} s; under exactly-once "
                    + "the relay reads on only once Kafka settled them", delivery.timeout().toSeconds());
        }
        return true;
    }

    /** The engine's completion callback; a clean close reports success. */
    @Override
    public void handle(boolean success, String message, Throwable error) {
        if (!success) {
            failure = error != null ? error : new IllegalStateException(message);
        }
    }

    @Override
    public void end(boolean drain) {
        synchronized (this) {
            ended = true;
        }
        if (drain) {
            try {
                if (!handOver.awaitIdle(delivery.timeout())) {
                    LOG.warn("Changes in flight were not all acknowledged within {} s; they are sent again at the next "
                            + "start", delivery.timeout().toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** close() finishes the batch in hand and saves the position of what was acknowledged. */
    private void close() {
        DebeziumEngine<?> current = engine;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | IllegalStateException e) {
                // a failed engine has shut itself down already
                LOG.debug("Closing the Debezium engine: {}", e.getMessage());
            }
        }
    }

    HandOver handOver() {
        return handOver;
    }

    /** Why the session cannot go on although the engine runs: a failure or stall noticed while the source is quiet. */
    Optional<String> whyStuck() {
        if (handOver.stalled()) {
            return Optional.of("the destination acknowledged nothing for " + delivery.timeout().toSeconds()
                    + " s (relay.delivery.timeout)");
        }
        if (!inBatch && handOver.failure().isPresent()) {
            return Optional.of("a change could not be delivered: " + handOver.failure().get().getMessage());
        }
        return Optional.empty();
    }

    /**
     * How long changes have waited with none acknowledged, here or in the previous session (whose changes a
     * restart leaves in flight); empty while none waits.
     */
    Optional<Duration> unacknowledgedFor() {
        Optional<Duration> here = handOver.unacknowledgedFor();
        Optional<Duration> before = previous == null ? Optional.empty() : previous.unacknowledgedFor();
        return before.isEmpty() || here.isPresent() && here.get().compareTo(before.get()) >= 0 ? here : before;
    }

    /** {@link System#nanoTime()} of the last change acknowledged, here or in the previous session. */
    OptionalLong lastAcknowledged() {
        OptionalLong here = handOver.lastAcknowledged();
        OptionalLong before = previous == null ? OptionalLong.empty() : previous.lastAcknowledged();
        return before.isEmpty() || here.isPresent() && here.getAsLong() - before.getAsLong() >= 0 ? here : before;
    }

    /** Snapshot only: closes the engine once the snapshot is over and every change of it acknowledged. */
    void finishWhenSnapshotDelivered(DebeziumMBeans mbeans) {
        boolean idle = !inBatch && handOver.idle() && mbeans.snapshotFinished();
        snapshotIdleChecks = idle ? snapshotIdleChecks + 1 : 0;
        if (snapshotIdleChecks == 2) {
            LOG.info("Snapshot delivered; relay.sync-types has no incremental, so the binlog is not read: closing the "
                    + "Debezium engine");
            close();
        }
    }

    void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> batchCommitter)
            throws InterruptedException {
        inBatch = true;
        try {
            committer = batchCommitter;
            for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
                if (ended) {
                    // what is not handed over is not marked processed: the next session reads it again
                    break;
                }
                for (Released<ChangeEvent<SourceRecord, SourceRecord>> released : transactions.offer(record)) {
                    hand(released);
                }
            }
            // flushes, on the engine's schedule, the offsets of what the broker acknowledged so far
            batchCommitter.markBatchFinished();
            loop.progressed();
        } finally {
            inBatch = false;
        }
    }

    /** BEGIN and END markers are acknowledged as they are taken: they carry a position but no change. */
    private void hand(Released<ChangeEvent<SourceRecord, SourceRecord>> released) throws InterruptedException {
        long sequence = acknowledged.take(released.record());
        if (!released.deliver()) {
            acknowledged.acknowledge(sequence);
            return;
        }
        Exchange exchange = consumer.newExchange();
        exchange.setProperty(ResumePoint.SESSION_PROPERTY, number);
        SourceRecord record = released.record().value();
        exchange.getMessage().setBody(new Released<>(record, released.size(), released.last(), true));
        handOver.send(exchange, error -> {
            if (error == null) {
                acknowledged.acknowledge(sequence);
            }
            consumer.release(exchange);
        });
    }

    /**
     * The engine saves the offset of the last record marked. The DELETE half of a primary-key UPDATE is not marked:
     * its CREATE has the same offset, and a saved offset there would skip the CREATE on restart. The CREATE,
     * acknowledged after it, marks that offset.
     */
    private void markProcessed(ChangeEvent<SourceRecord, SourceRecord> record) {
        if (PrimaryKeyUpdate.isFirstHalf(record.value())) {
            return;
        }
        try {
            committer.markProcessed(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
