package io.cdcrelay.mirror;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.ops.MirrorMetrics;
import io.cdcrelay.ops.RelayHealth;
import io.cdcrelay.ops.RestartBackoff;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source topics in the mirror's consumer group and hands each record to the route as a
 * {@link ConsumerRecord} body, committing a partition's offset only up to the first record the destination
 * has not acknowledged.
 *
 * <p>Each record enters the route asynchronously (the route ends in an asynchronous send), at most
 * {@code relay.delivery.window} unacknowledged at once. Offsets are committed every
 * {@code relay.offset.flush-interval}, when partitions are revoked and at stop. A record the destination
 * refuses, or an error of the source, ends the session: what was acknowledged is committed, the consumer is
 * closed and a new one starts after a backoff (1 s doubling to 1 min) from the committed offsets. So records
 * may be mirrored twice, never skipped.
 *
 * <p>Why not camel-kafka's consumer: it processes each record synchronously (one destination round trip per
 * record), and its batching mode's auto-commit commits offsets already fetched but not yet delivered.
 */
final class MirrorConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE = Duration.ofSeconds(10);
    private static final String COMPONENT = "mirror";

    private final Properties properties;
    private final Pattern topics;
    private final StartPosition start;
    private final DeliverySettings delivery;
    private final MirrorMetrics metrics;
    private final RelayHealth health;
    private final Semaphore window;
    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Consumer<byte[], byte[]> current;
    private ExecutorService pollThread;
    private Future<?> polling;

    MirrorConsumer(KafkaMirrorEndpoint endpoint, Processor processor, Properties properties, Pattern topics,
            StartPosition start, DeliverySettings delivery, MirrorMetrics metrics, RelayHealth health) {
        super(endpoint, processor);
        this.health = health;
        this.properties = properties;
        this.topics = topics;
        this.start = start;
        this.delivery = delivery;
        this.metrics = metrics;
        this.window = new Semaphore(delivery.window());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping.set(false);
        pollThread = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "KafkaMirror");
        polling = pollThread.submit(this::run);
    }

    /** Suspending the route commits what was acknowledged and leaves the group; resuming joins it again. */
    @Override
    protected void doSuspend() throws Exception {
        endSession();
        health.suspended(COMPONENT);
    }

    @Override
    protected void doResume() {
        stopping.set(false);
        polling = pollThread.submit(this::run);
    }

    @Override
    protected void doStop() throws Exception {
        endSession();
        if (pollThread != null) {
            pollThread.shutdownNow();
        }
        super.doStop();
    }

    /**
     * Wakes the consumer and waits for its session to end: the session waits for in-flight records before it
     * commits and closes.
     */
    private void endSession() throws InterruptedException {
        stopping.set(true);
        Consumer<byte[], byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (polling == null) {
            return;
        }
        try {
            polling.get(delivery.timeout().plus(CLOSE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Kafka mirror did not stop in time; uncommitted records will be mirrored again");
        }
    }

    private void run() {
        while (!stopping.get()) {
            try {
                new Session().run();
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    return;
                }
                health.failed(COMPONENT, e.getMessage());
                Duration delay = backoff.nextDelay();
                LOG.error("Kafka mirror stopped ({}); restarting in {} s from the last committed offsets",
                        e.getMessage(), delay.toSeconds(), e);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One consumer from start or restart to failure or stop; the rebalance listener of its subscription. */
    private final class Session implements ConsumerRebalanceListener {

        private final PartitionOffsets offsets = new PartitionOffsets();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private KafkaConsumer<byte[], byte[]> consumer;

        void run() throws InterruptedException {
            health.starting(COMPONENT);
            consumer = new KafkaConsumer<>(properties);
            current = consumer;
            try {
                consumer.subscribe(topics, this);
                poll();
            } finally {
                try {
                    finish();
                } finally {
                    current = null;
                    consumer.close(CLOSE);
                }
            }
        }

        private void poll() throws InterruptedException {
            long nextFlush = System.nanoTime() + delivery.offsetFlush().toNanos();
            while (!stopping.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    failIfRefused();
                    dispatch(record);
                }
                failIfRefused();
                if (System.nanoTime() >= nextFlush) {
                    commitPeriodically();
                    reportLag();
                    nextFlush = System.nanoTime() + delivery.offsetFlush().toNanos();
                }
            }
        }

        private void failIfRefused() {
            Exception refused = failure.get();
            if (refused != null) {
                throw new MirrorFailedException("a record was not mirrored: " + refused.getMessage(), refused);
            }
        }

        private void dispatch(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
            if (!window.tryAcquire(delivery.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MirrorFailedException("the destination acknowledged nothing for "
                        + delivery.timeout().toSeconds() + " s (relay.delivery.timeout)", null);
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.dispatched(partition, record.offset());
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(record);
            getAsyncProcessor().process(exchange, doneSync -> {
                try {
                    Exception e = exchange.getException();
                    if (e == null) {
                        offsets.acknowledged(partition, record.offset());
                    } else {
                        offsets.failed(partition, record.offset());
                        metrics.failed(record.topic());
                        if (failure.compareAndSet(null, e)) {
                            getExceptionHandler().handleException("Record not mirrored", exchange, e);
                        }
                    }
                } finally {
                    window.release();
                    releaseExchange(exchange, false);
                }
            });
        }

        private void commitPeriodically() {
            try {
                commit(consumer.assignment());
            } catch (RebalanceInProgressException e) {
                // the revocation that follows commits these partitions
            }
        }

        private void commit(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> due = offsets.uncommitted(partitions);
            if (!due.isEmpty()) {
                consumer.commitSync(due);
                offsets.committed(due);
                backoff.reset();
            }
        }

        /** Per topic: records after the fetch position, plus those fetched and not yet acknowledged. */
        private void reportLag() {
            Map<String, Long> byTopic = new HashMap<>();
            for (TopicPartition partition : consumer.assignment()) {
                OptionalLong unread = consumer.currentLag(partition);
                if (unread.isPresent()) {
                    byTopic.merge(partition.topic(), unread.getAsLong() + offsets.unacknowledged(partition), Long::sum);
                }
            }
            metrics.lag(byTopic);
        }

        /** Commits what the destination acknowledged before the consumer closes. */
        private void finish() throws InterruptedException {
            Set<TopicPartition> assigned = consumer.assignment();
            settle(assigned);
            try {
                commit(assigned);
            } catch (KafkaException e) {
                LOG.warn("Could not commit the mirrored offsets ({}); those records will be mirrored again",
                        e.getMessage());
            }
        }

        private void settle(Collection<TopicPartition> partitions) throws InterruptedException {
            if (!offsets.awaitSettled(partitions, delivery.timeout())) {
                LOG.warn("The destination did not acknowledge every record within {} s (relay.delivery.timeout); "
                        + "the unacknowledged ones will be mirrored again", delivery.timeout().toSeconds());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                settle(partitions);
                commit(partitions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (KafkaException e) {
                LOG.warn("Could not commit revoked partitions {} ({}); their new owner mirrors those records again",
                        partitions, e.getMessage());
            } finally {
                offsets.forget(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            offsets.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // the group coordinator answered: the source is reachable
            health.running(COMPONENT);
            Map<TopicPartition, OffsetAndMetadata> chosen = start.seek(consumer, partitions);
            if (!chosen.isEmpty()) {
                consumer.commitSync(chosen);
                LOG.info("Mirroring starts by relay.mirror.start-offset at {}", chosen.entrySet().stream()
                        .map(e -> e.getKey() + "@" + e.getValue().offset()).sorted().toList());
            }
            if (!partitions.isEmpty()) {
                LOG.info("Mirroring partitions {}", partitions);
            }
        }
    }
}
