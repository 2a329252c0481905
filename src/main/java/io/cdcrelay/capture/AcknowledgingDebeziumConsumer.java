package io.cdcrelay.capture;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.cdcrelay.config.DeliverySettings;
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
 * Runs a Debezium engine and hands its records to the route, saving a source position only after the
 * destination acknowledged every change up to it.
 *
 * <p>With transaction boundaries on, the changes of a transaction are held until its END marker (or a chunk
 * is full) so each can carry its transaction's size and whether it is the last. Each released record
 * enters the route asynchronously, so the route's last step (an
 * asynchronous Kafka send) does not hold the next record back; at most {@code relay.delivery.window}
 * records are unacknowledged at once. The batch is marked processed, which lets the engine save its
 * position, only when every exchange of the batch completed without error. A failed or timed-out batch
 * stops the engine unsaved and the engine is restarted with backoff: the batch is read again (at least
 * once, never lost).
 *
 * <p>With snapshot mode {@code initial_only} ({@code relay.sync-types} with full and without incremental) Debezium
 * reads the binlog not at all, but its engine would idle on; once the snapshot is over, Debezium's queue empty and
 * every change acknowledged, twice in a row a second apart, the engine is closed (saving its position) and
 * finishes.
 */
final class AcknowledgingDebeziumConsumer extends DefaultConsumer
        implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, Suspendable {

    /** Exchange property holding the raw record, for steps that need more than Camel's headers. */
    private static final String SOURCE_RECORD = RelayDebeziumComponent.SOURCE_RECORD_PROPERTY;
    private static final String TRANSACTION_SIZE = RelayDebeziumComponent.TRANSACTION_SIZE_PROPERTY;
    private static final String TRANSACTION_LAST = RelayDebeziumComponent.TRANSACTION_LAST_PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgingDebeziumConsumer.class);
    private static final String COMPONENT = "debezium";

    private final RelayDebeziumEndpoint endpoint;
    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final Semaphore window;
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
    // both used by the engine's one processing thread; renewed at every engine start, which re-reads from
    // the last saved position
    private final Deque<ChangeEvent<SourceRecord, SourceRecord>> unmarked = new ArrayDeque<>();
    private TransactionBuffer<ChangeEvent<SourceRecord, SourceRecord>> transactions;

    private ExecutorService engineThread;
    private Future<?> engineRun;
    private ScheduledExecutorService restarts;
    private volatile DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;

    AcknowledgingDebeziumConsumer(RelayDebeziumEndpoint endpoint, Processor processor, DeliverySettings delivery,
            RelayHealth health, DisconnectWatchdog watchdog) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.delivery = delivery;
        this.health = health;
        this.watchdog = watchdog;
        this.window = new Semaphore(delivery.window());
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
        restarts.scheduleWithFixedDelay(this::restartIfDisconnected, 5, 5, TimeUnit.SECONDS);
        startEngine();
    }

    private void restartIfDisconnected() {
        if (stopping.get() || !watchdog.shouldRestart()) {
            return;
        }
        String why = "the binlog reader has been disconnected from the source for " + watchdog.limit().toSeconds() + " s";
        health.failed(COMPONENT, why);
        LOG.error("Debezium engine stuck: {}; restarting it", why);
        forcedRestart.set(true);
        try {
            closeEngine();
        } catch (java.io.IOException e) {
            LOG.warn("Closing the stuck engine failed: {}", e.getMessage());
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopping.set(true);
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (restarts != null) {
            executors.shutdownNow(restarts);
        }
        closeEngine();
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
        stopping.set(true);
        closeEngine();
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
        unmarked.clear();
        transactions = new TransactionBuffer<>(transactionChunk,
                r -> transactionBoundaries ? TransactionMarkers.kind(r.value()) : TransactionBuffer.Kind.CHANGE,
                r -> TransactionMarkers.eventCount(r.value()));
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
        boolean idle = !inBatch && window.availablePermits() == delivery.window() && snapshotOnly.snapshotFinished();
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

    /**
     * The raw record as body and as a property, plus Camel's identifier header. Not Camel's own
     * {@code createDbzExchange}: it extracts a DDL field that row envelopes lack, throwing and catching an
     * exception for every record, and copies fields into headers the relay does not read.
     */
    private Exchange exchangeOf(SourceRecord record) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(SOURCE_RECORD, record);
        exchange.getMessage().setHeader(DebeziumConstants.HEADER_IDENTIFIER, record.topic());
        exchange.getMessage().setBody(record.value());
        return exchange;
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        inBatch = true;
        try {
            handle(records, committer);
        } finally {
            inBatch = false;
        }
    }

    private void handle(List<ChangeEvent<SourceRecord, SourceRecord>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        BatchAcknowledgement batch = new BatchAcknowledgement();
        for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
            unmarked.addLast(record);
            List<Released<ChangeEvent<SourceRecord, SourceRecord>>> released = transactions.offer(record);
            for (Released<ChangeEvent<SourceRecord, SourceRecord>> r : released) {
                if (r.deliver()) {
                    send(r, batch);
                }
            }
            if (delivery.transactionAtATime() && !released.isEmpty() && transactions.betweenTransactions()) {
                // rule One: the next transaction is sent only once this one is acknowledged
                batch.await(delivery.timeout());
            }
        }
        batch.await(delivery.timeout());
        // everything before the open transaction's held records is acknowledged now
        int markable = unmarked.size() - transactions.heldCount();
        for (int i = 0; i < markable; i++) {
            committer.markProcessed(unmarked.pollFirst());
        }
        committer.markBatchFinished();
        backoff.reset();
    }

    private void send(Released<ChangeEvent<SourceRecord, SourceRecord>> released, BatchAcknowledgement batch)
            throws InterruptedException {
        if (!window.tryAcquire(delivery.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new DeliveryFailedException("the destination acknowledged nothing for "
                    + delivery.timeout().toSeconds() + " s (relay.delivery.timeout)", null);
        }
        Exchange exchange = exchangeOf(released.record().value());
        exchange.setProperty(TRANSACTION_SIZE, released.size());
        exchange.setProperty(TRANSACTION_LAST, released.last());
        batch.expect();
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Change not delivered", exchange, exchange.getException());
                    batch.failed(exchange.getException());
                } else {
                    batch.succeeded();
                }
            } finally {
                window.release();
                releaseExchange(exchange, false);
            }
        });
    }
}
