package io.cdcrelay.capture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.delivery.AcknowledgedPrefix;
import io.cdcrelay.delivery.HandOver;
import io.cdcrelay.ops.DebeziumMBeans;
import io.cdcrelay.ops.RelayHealth;
import io.cdcrelay.ops.RestartBackoff;
import io.cdcrelay.transaction.Released;
import io.cdcrelay.transaction.TransactionBuffer;
import io.cdcrelay.transaction.TransactionMarkers;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.component.debezium.DebeziumConstants;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Debezium engine and hands its records to the route without waiting for the broker, saving a source
 * position only once the broker acknowledged every change up to it.
 *
 * <p>The engine's thread hands each released record to the route through a {@link HandOver} and returns to
 * Debezium at once; it waits only while {@code relay.delivery.window} changes are unacknowledged. An
 * {@link AcknowledgedPrefix} numbers the records in stream order and marks a record processed for the engine
 * only when it and everything before it were acknowledged, so the offsets the engine flushes (every
 * {@code relay.offset.flush-interval}, also when the source is quiet) never run ahead of the broker. A failed
 * or stalled delivery ends the engine unsaved past it, and the engine is restarted with backoff from the
 * saved position: at least once, never lost.
 *
 * <p>With transaction boundaries on, the changes of a transaction are held until its END marker (or a chunk is
 * full) so each can carry its transaction's size and whether it is the last; the record handed over is the
 * {@link Released} record. Rule One's "next transaction only after the previous is acknowledged" is kept by
 * the sink's transaction gate, not by this thread.
 *
 * <p>With snapshot mode {@code initial_only} ({@code relay.sync-types} with full and without incremental) Debezium
 * reads the binlog not at all, but its engine would idle on; once the snapshot is over, Debezium's queue empty and
 * every change acknowledged, twice in a row a second apart, the engine is closed (saving its position) and
 * finishes.
 */
final class AcknowledgingDebeziumConsumer extends DefaultConsumer
        implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgingDebeziumConsumer.class);
    private static final String COMPONENT = "debezium";

    private final RelayDebeziumEndpoint endpoint;
    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean forcedRestart = new AtomicBoolean();
    private final DisconnectWatchdog watchdog;
    private final int transactionChunk;
    private final boolean transactionBoundaries;
    /** Set when the engine only snapshots: it is closed once the snapshot is delivered. */
    private final DebeziumMBeans snapshotOnly;
    private volatile boolean inBatch;
    /** Snapshot only: set when the relay closes the engine because the snapshot is delivered. */
    private volatile boolean snapshotDelivered;
    // renewed at every engine start, which re-reads from the last saved position
    private volatile Session session;

    private ExecutorService engineThread;
    private Future<?> engineRun;
    private ScheduledExecutorService restarts;
    private volatile DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;

    /**
     * What one engine run hands over and has acknowledged; the transaction buffer is used by the engine's one
     * processing thread only.
     */
    private final class Session {
        final HandOver handOver = new HandOver(getAsyncProcessor(),
                (exchange, e) -> getExceptionHandler().handleException("Change not delivered", exchange, e), delivery.window(),
                delivery.timeout());
        final AcknowledgedPrefix<ChangeEvent<SourceRecord, SourceRecord>> acknowledged =
                new AcknowledgedPrefix<>(this::markProcessed);
        final TransactionBuffer<ChangeEvent<SourceRecord, SourceRecord>> transactions = new TransactionBuffer<>(
                transactionChunk,
                r -> transactionBoundaries ? TransactionMarkers.kind(r.value()) : TransactionBuffer.Kind.CHANGE,
                r -> TransactionMarkers.eventCount(r.value()));
        /** The engine's committer: one per engine, first seen in its first batch. */
        volatile DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer;

        private void markProcessed(ChangeEvent<SourceRecord, SourceRecord> record) {
            try {
                committer.markProcessed(record);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    AcknowledgingDebeziumConsumer(RelayDebeziumEndpoint endpoint, Processor processor, DeliverySettings delivery,
            RelayHealth health, DisconnectWatchdog watchdog) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.delivery = delivery;
        this.health = health;
        this.watchdog = watchdog;
        this.transactionChunk = delivery.transactionChunk();
        this.transactionBoundaries = delivery.transactionBoundaries();
        var configuration = endpoint.getConfiguration();
        this.snapshotOnly = "initial_only".equals(configuration.getSnapshotMode())
                ? new DebeziumMBeans(configuration.getTopicPrefix()) : null;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping.set(false);
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        engineThread = executors.newSingleThreadExecutor(this, "DebeziumEngine");
        restarts = executors.newSingleThreadScheduledExecutor(this, "DebeziumEngineRestart");
        restarts.scheduleWithFixedDelay(this::restartIfStuck, 5, 5, TimeUnit.SECONDS);
        startEngine();
    }

    /**
     * Restarts an engine that cannot go on by itself: its binlog reader stays disconnected, or a delivery failed
     * or stalled while the source is quiet (the engine's thread would notice only with its next batch).
     */
    private void restartIfStuck() {
        Session current = session;
        if (stopping.get() || current == null || forcedRestart.get()) {
            return;
        }
        String why;
        if (watchdog.shouldRestart()) {
            why = "the binlog reader has been disconnected from the source for " + watchdog.limit().toSeconds() + " s";
        } else if (current.handOver.stalled()) {
            why = "the destination acknowledged nothing for " + delivery.timeout().toSeconds()
                    + " s (relay.delivery.timeout)";
        } else if (current.handOver.failure().isPresent() && !inBatch) {
            why = "a change could not be delivered: " + current.handOver.failure().get().getMessage();
        } else {
            return;
        }
        health.failed(COMPONENT, why);
        LOG.error("Debezium engine stuck: {}; restarting it", why);
        forcedRestart.set(true);
        try {
            closeEngine();
        } catch (java.io.IOException e) {
            LOG.warn("Closing the stuck engine failed: {}", e.getMessage());
        }
    }

    /**
     * Stops handing over, waits for what is in flight, then closes the engine, whose last flush thereby saves
     * the position of everything delivered.
     */
    private void stopHandingAndClose() throws java.io.IOException {
        stopping.set(true);
        Session current = session;
        if (current != null && !awaitIdle(current)) {
            LOG.warn("Changes in flight were not all acknowledged within {} s; they are sent again at the next start",
                    delivery.timeout().toSeconds());
        }
        closeEngine();
    }

    @Override
    protected void doStop() throws Exception {
        stopping.set(true);
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (restarts != null) {
            executors.shutdownNow(restarts);
        }
        stopHandingAndClose();
        if (engineThread != null) {
            executors.shutdownGraceful(engineThread);
        }
        super.doStop();
    }

    /**
     * Suspending the route (JMX, Hawtio) closes the engine, which saves the position of what was acknowledged;
     * resuming starts a new engine from there. Camel offers suspend only to {@link Suspendable} consumers.
     */
    @Override
    protected void doSuspend() throws Exception {
        stopHandingAndClose();
        Future<?> run = engineRun;
        if (run != null) {
            try {
                run.get(delivery.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                LOG.warn("Debezium engine did not stop cleanly while suspending: {}", e.getMessage());
            }
        }
        health.suspended(COMPONENT);
    }

    /** close() finishes the batch in hand and saves the position of what was acknowledged. */
    private void closeEngine() throws java.io.IOException {
        DebeziumEngine<?> current = engine;
        if (current != null) {
            try {
                current.close();
            } catch (IllegalStateException alreadyShutDown) {
                // a failed engine has shut itself down; its restart is cancelled with the restart timer
            }
        }
    }

    @Override
    protected void doResume() {
        stopping.set(false);
        startEngine();
    }

    private void startEngine() {
        watchdog.reset();
        Session previous = session;
        if (previous != null && !awaitIdle(previous)) {
            LOG.warn("Changes handed over before the restart were not all acknowledged within {} s; they are sent "
                    + "again from the saved position", delivery.timeout().toSeconds());
        }
        session = new Session();
        health.starting(COMPONENT);
        engine = DebeziumEngine.create(Connect.class)
                .using(endpoint.engineProperties())
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        health.running(COMPONENT);
                    }
                })
                .using(this::engineCompleted)
                .notifying(this)
                .build();
        engineRun = engineThread.submit(engine);
        if (snapshotOnly != null) {
            DebeziumEngine<?> started = engine;
            int[] idleChecks = {0};
            AtomicReference<ScheduledFuture<?>> check = new AtomicReference<>();
            check.set(restarts.scheduleWithFixedDelay(() -> {
                if (finishWhenSnapshotDelivered(started, idleChecks)) {
                    check.get().cancel(false);
                }
            }, 1, 1, TimeUnit.SECONDS));
        }
    }

    /**
     * Snapshot only: closes the engine once the snapshot is over and every change of it acknowledged.
     *
     * @return true when there is nothing more to check: closed, stopping, or the engine was replaced
     */
    private boolean finishWhenSnapshotDelivered(DebeziumEngine<?> started, int[] idleChecks) {
        if (stopping.get() || engine != started) {
            return true;
        }
        boolean idle = !inBatch && session.handOver.idle() && snapshotOnly.snapshotFinished();
        idleChecks[0] = idle ? idleChecks[0] + 1 : 0;
        if (idleChecks[0] < 2) {
            return false;
        }
        LOG.info("Snapshot delivered; relay.sync-types has no incremental, so the binlog is not read: closing the "
                + "Debezium engine");
        snapshotDelivered = true;
        try {
            started.close();
        } catch (Exception e) {
            LOG.warn("Debezium engine did not close cleanly: {}", e.getMessage(), e);
        }
        return true;
    }

    private void engineCompleted(boolean success, String message, Throwable error) {
        if (stopping.get()) {
            return;
        }
        boolean forced = forcedRestart.getAndSet(false);
        if ((success || snapshotDelivered) && !forced) {
            // e.g. relay.sync-types=full without incremental: the snapshot is done and nothing follows
            LOG.info("Debezium engine finished: {}", message);
            health.finished(COMPONENT);
            return;
        }
        if (!forced) {
            health.failed(COMPONENT, error != null && error.getMessage() != null ? error.getMessage() : message);
        }
        Duration delay = backoff.nextDelay();
        LOG.error("Debezium engine stopped ({}); restarting in {} s from the last saved position",
                error != null ? error.getMessage() : message, delay.toSeconds(), error);
        restarts.schedule(() -> {
            if (!stopping.get()) {
                startEngine();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean awaitIdle(Session previous) {
        try {
            return previous.handOver.awaitIdle(delivery.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        inBatch = true;
        try {
            Session current = session;
            current.committer = committer;
            for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
                if (stopping.get()) {
                    // what is not handed over is not marked processed: the next start reads it again
                    break;
                }
                for (Released<ChangeEvent<SourceRecord, SourceRecord>> released : current.transactions.offer(record)) {
                    hand(current, released);
                }
            }
            // flushes, on the engine's schedule, the offsets of what the broker acknowledged so far
            committer.markBatchFinished();
            backoff.reset();
        } finally {
            inBatch = false;
        }
    }

    /** BEGIN and END markers are acknowledged as they are taken: they carry a position but no change. */
    private void hand(Session current, Released<ChangeEvent<SourceRecord, SourceRecord>> released)
            throws InterruptedException {
        long sequence = current.acknowledged.take(released.record());
        if (!released.deliver()) {
            current.acknowledged.acknowledge(sequence);
            return;
        }
        Exchange exchange = createExchange(false);
        SourceRecord record = released.record().value();
        exchange.getMessage().setHeader(DebeziumConstants.HEADER_IDENTIFIER, record.topic());
        exchange.getMessage().setBody(new Released<>(record, released.size(), released.last(), true));
        current.handOver.send(exchange, failure -> {
            if (failure == null) {
                current.acknowledged.acknowledge(sequence);
            }
            releaseExchange(exchange, false);
        });
    }
}
