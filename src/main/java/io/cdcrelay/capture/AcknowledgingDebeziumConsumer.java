package io.cdcrelay.capture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.cdcrelay.acknowledgement.SessionLoop;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.RelayHealth;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code debezium-mysql} consumer: runs Debezium's engine, one {@link EngineSession} after another in a
 * {@link SessionLoop}, and hands its records to the route without waiting for the broker; a source position is
 * saved only once the broker acknowledged every change up to it (see {@link EngineSession}).
 *
 * <p>Every 5 s it checks what the engine cannot notice by itself: a binlog reader disconnected for 30 s, or a
 * delivery failed or stalled while the source is quiet; the session is then restarted. Every second it tells the
 * relay's health whether the source and the destination answer ({@link OutageChecks}) and, with several servers in
 * {@code relay.source.host}, whether the server read is gone or no longer a writable primary ({@link ServerWatch}):
 * the session then restarts on the server the follower chooses. A restart waits for its backoff, or until a
 * listed server's port, seen closed, accepts connections again. Suspending the route (JMX,
 * Hawtio) ends the session after what is in flight was acknowledged, which saves its position; resuming starts a
 * new session from there.
 *
 * <p>With snapshot mode {@code initial_only} ({@code relay.sync-types} with full and without incremental) Debezium
 * reads no binlog, but its engine would idle on; once the snapshot is over, Debezium's queue empty and every change
 * acknowledged, twice in a row a second apart, the engine is closed (saving its position) and the loop finishes.
 */
final class AcknowledgingDebeziumConsumer extends DefaultConsumer
        implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgingDebeziumConsumer.class);
    static final String COMPONENT = "debezium";
    private static final Duration CLOSE = Duration.ofSeconds(30);

    private final RelayDebeziumEndpoint endpoint;
    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final DisconnectWatchdog watchdog;
    private final OutageChecks outages;
    private final CaptureControl control;
    private final ServerWatch serverWatch;
    /** Set when the engine only snapshots: it is closed once the snapshot is delivered. */
    private final DebeziumMBeans snapshotOnly;
    private final SessionLoop loop;
    private volatile EngineSession session;
    /** Sessions created so far; only the session loop's thread creates them. */
    private long sessions;
    private ExecutorService engineThread;
    private ScheduledExecutorService checks;

    AcknowledgingDebeziumConsumer(RelayDebeziumEndpoint endpoint, Processor processor, DeliverySettings delivery,
            RelayHealth health, BooleanSupplier sourceAnswers, CaptureControl control, ServerWatch serverWatch,
            DisconnectWatchdog watchdog, OutageChecks outages) {
        super(endpoint, processor);
        this.serverWatch = serverWatch;
        this.control = control;
        this.endpoint = endpoint;
        this.delivery = delivery;
        this.health = health;
        this.watchdog = watchdog;
        this.outages = outages;
        var configuration = endpoint.getConfiguration();
        this.snapshotOnly = "initial_only".equals(configuration.getSnapshotMode())
                ? endpoint.capture().mbeans() : null;
        this.loop = new SessionLoop(COMPONENT, "Debezium engine", health, this::newSession, sourceAnswers);
    }

    private EngineSession newSession() {
        outages.engineStarting();
        EngineSession previous = session;
        session = new EngineSession(this, endpoint, delivery, health, control, watchdog, loop,
                previous == null ? null : previous.handOver(), ++sessions);
        return session;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        engineThread = executors.newSingleThreadExecutor(this, "DebeziumEngine");
        checks = executors.newSingleThreadScheduledExecutor(this, "DebeziumEngineChecks");
        checks.scheduleWithFixedDelay(this::restartIfStuck, 5, 5, TimeUnit.SECONDS);
        checks.scheduleWithFixedDelay(this::checkOutages, 1, 1, TimeUnit.SECONDS);
        if (snapshotOnly != null) {
            checks.scheduleWithFixedDelay(this::finishWhenSnapshotDelivered, 1, 1, TimeUnit.SECONDS);
        }
        loop.start(engineThread);
        control.attach(loop);
    }

    @Override
    protected void doStop() throws Exception {
        control.detach(loop);
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (checks != null) {
            executors.shutdownNow(checks);
        }
        endSessions();
        if (engineThread != null) {
            executors.shutdownGraceful(engineThread);
        }
        super.doStop();
    }

    /** Camel offers suspend only to {@link Suspendable} consumers. */
    @Override
    protected void doSuspend() throws Exception {
        control.detach(loop);
        endSessions();
        health.suspended(COMPONENT);
    }

    @Override
    protected void doResume() {
        loop.start(engineThread);
        control.attach(loop);
    }

    private void endSessions() throws InterruptedException {
        if (!loop.stop(delivery.timeout().plus(CLOSE))) {
            LOG.warn("Debezium engine did not stop within {} s", delivery.timeout().plus(CLOSE).toSeconds());
        }
    }

    private void restartIfStuck() {
        EngineSession current = session;
        if (current == null || loop.stopping()) {
            return;
        }
        if (watchdog.shouldRestart()) {
            loop.restart("the binlog reader has been disconnected from the source for " + watchdog.limit().toSeconds()
                    + " s");
        } else {
            current.whyStuck().ifPresent(loop::restart);
        }
    }

    private void checkOutages() {
        EngineSession current = session;
        if (current != null && !loop.stopping()) {
            outages.check(current.unacknowledgedFor(), current.lastAcknowledged());
            serverWatch.whyLeave().ifPresent(why -> loop.restart(why
                    + ": looking for the writable primary among relay.source.host"));
        }
    }

    private void finishWhenSnapshotDelivered() {
        EngineSession current = session;
        if (current != null && !loop.stopping()) {
            current.finishWhenSnapshotDelivered(snapshotOnly);
        }
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        session.handleBatch(records, committer);
    }

    // the session creates and releases exchanges through the consumer, which owns them
    Exchange newExchange() {
        return createExchange(false);
    }

    void release(Exchange exchange) {
        releaseExchange(exchange, false);
    }
}
