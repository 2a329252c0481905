package io.cdcrelay.mirror;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

import io.cdcrelay.acknowledgement.SessionLoop;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayHealth;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source topics in the mirror's consumer group, one {@link MirrorSession} after another in a
 * {@link SessionLoop}, and hands each record to the route as a {@code ConsumerRecord} body, committing a
 * partition's offset only up to the first record the destination has not acknowledged.
 *
 * <p>A record the destination refuses, or an error of the source, ends the session: what was acknowledged is
 * committed, the consumer is closed and a new one starts after a backoff (1 s doubling to 1 min) from the
 * committed offsets. So records may be mirrored twice, never skipped. Suspending the route commits what was
 * acknowledged and leaves the group; resuming joins it again.
 *
 * <p>Why not camel-kafka's consumer: it processes each record synchronously (one destination round trip per
 * record), and its batching mode's auto-commit commits offsets already fetched but not yet delivered.
 */
final class MirrorConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorConsumer.class);
    static final String COMPONENT = "mirror";
    private static final Duration CLOSE = Duration.ofSeconds(10);

    private final DeliverySettings delivery;
    private final RelayHealth health;
    private final SessionLoop loop;
    private ExecutorService pollThread;

    MirrorConsumer(KafkaMirrorEndpoint endpoint, Processor processor, Properties properties, Pattern topics,
            StartPosition start, DeliverySettings delivery, MirrorMetrics metrics, RelayHealth health) {
        super(endpoint, processor);
        this.health = health;
        this.delivery = delivery;
        this.loop = new SessionLoop(COMPONENT, "Kafka mirror", health,
                () -> new MirrorSession(this, properties, topics, start, delivery, metrics, health));
    }

    /** Records were committed: the next failure restarts after the shortest delay again. */
    void progressed() {
        loop.progressed();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pollThread = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "KafkaMirror");
        loop.start(pollThread);
    }

    @Override
    protected void doSuspend() throws Exception {
        endSessions();
        health.suspended(COMPONENT);
    }

    @Override
    protected void doResume() {
        loop.start(pollThread);
    }

    @Override
    protected void doStop() throws Exception {
        endSessions();
        if (pollThread != null) {
            pollThread.shutdownNow();
        }
        super.doStop();
    }

    /** The session waits for in-flight records before it commits and closes. */
    private void endSessions() throws InterruptedException {
        if (!loop.stop(delivery.timeout().plus(CLOSE))) {
            LOG.warn("Kafka mirror did not stop in time; uncommitted records will be mirrored again");
        }
    }

    // the session creates and releases exchanges through the consumer, which owns them
    Exchange newExchange() {
        return createExchange(false);
    }

    void release(Exchange exchange) {
        releaseExchange(exchange, false);
    }
}
