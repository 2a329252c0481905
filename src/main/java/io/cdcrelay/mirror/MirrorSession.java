package io.cdcrelay.mirror;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import io.cdcrelay.acknowledgement.DeliveryFailedException;
import io.cdcrelay.acknowledgement.HandOver;
import io.cdcrelay.acknowledgement.SessionLoop;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayHealth;
import org.apache.camel.Exchange;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidSessionTimeoutException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the mirror, from start or restart to failure or end; the rebalance listener of its
 * subscription. Records enter the route through a {@link HandOver} (at most {@code relay.delivery.window}
 * unacknowledged); {@link PartitionOffsets} keeps what may be committed per partition. Offsets are committed every
 * {@code relay.offset.flush-interval}, when partitions are revoked and when the session ends, each time only up to
 * the first record not acknowledged.
 */
final class MirrorSession implements SessionLoop.Session, ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorSession.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE = Duration.ofSeconds(10);

    private final MirrorConsumer owner;
    private final Properties properties;
    private final Pattern topics;
    private final StartPosition start;
    private final DeliverySettings delivery;
    private final MirrorMetrics metrics;
    private final RelayHealth health;
    private final HandOver handOver;
    private final PartitionOffsets offsets = new PartitionOffsets();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean ended;

    MirrorSession(MirrorConsumer owner, Properties properties, Pattern topics, StartPosition start,
            DeliverySettings delivery, MirrorMetrics metrics, RelayHealth health) {
        this.owner = owner;
        this.properties = properties;
        this.topics = topics;
        this.start = start;
        this.delivery = delivery;
        this.metrics = metrics;
        this.health = health;
        this.handOver = new HandOver(owner.getAsyncProcessor(),
                (exchange, e) -> owner.getExceptionHandler().handleException("Record not mirrored", exchange, e),
                delivery.window(), delivery.timeout());
    }

    @Override
    public void run() throws InterruptedException {
        synchronized (this) {
            if (ended) {
                return;
            }
            consumer = new KafkaConsumer<>(properties);
        }
        try {
            consumer.subscribe(topics, this);
            poll();
        } catch (WakeupException e) {
            // end() woke the consumer up
        } catch (InvalidSessionTimeoutException e) {
            // Kafka's own message names the broker's settings, not the relay's key that set the timeout
            throw new InvalidSessionTimeoutException(MirrorClientProperties.sessionTimeoutRefused(properties), e);
        } finally {
            try {
                finish();
            } finally {
                consumer.close(CLOSE);
            }
        }
    }

    @Override
    public void end(boolean drain) {
        // the session settles what is in flight before it commits, whether asked to drain or not
        synchronized (this) {
            ended = true;
        }
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void poll() throws InterruptedException {
        long nextFlush = System.nanoTime() + delivery.offsetFlush().toNanos();
        while (!ended) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                dispatch(record);
            }
            handOver.throwIfFailed();
            if (handOver.stalled()) {
                throw new DeliveryFailedException("the destination acknowledged nothing for "
                        + delivery.timeout().toSeconds() + " s (relay.delivery.timeout)", null);
            }
            if (System.nanoTime() >= nextFlush) {
                commitPeriodically();
                reportLag();
                nextFlush = System.nanoTime() + delivery.offsetFlush().toNanos();
            }
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Exchange exchange = owner.newExchange();
        exchange.getMessage().setBody(record);
        PartitionOffsets.Dispatched dispatched = offsets.dispatched(partition, record.offset());
        try {
            handOver.send(exchange, error -> {
                if (error == null) {
                    dispatched.acknowledged();
                } else {
                    dispatched.failed();
                    metrics.failed(record.topic());
                }
                owner.release(exchange);
            });
        } catch (RuntimeException e) {
            dispatched.failed();
            throw e;
        }
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
            owner.progressed();
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
        health.running(MirrorConsumer.COMPONENT);
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
