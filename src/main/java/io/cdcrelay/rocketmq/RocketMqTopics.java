package io.cdcrelay.rocketmq;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cdcrelay.topic.TopicPartitions;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message queues of each destination topic, in a fixed order (broker name, queue id) so a queue index
 * means the same queue on every start; missing topics are created with {@code relay.topic.partitions}
 * queues on every master broker.
 */
public final class RocketMqTopics implements TopicPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(RocketMqTopics.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final RocketMqClient client;
    private final int queues;
    private final boolean createMissing;
    private final Map<String, List<MessageQueue>> byTopic = new ConcurrentHashMap<>();

    public RocketMqTopics(RocketMqClient client, int queues, boolean createMissing) {
        this.client = client;
        this.queues = queues;
        this.createMissing = createMissing;
    }

    @Override
    public int partitionsOf(String topic) {
        return queuesOf(topic).size();
    }

    MessageQueue queue(String topic, int index) {
        return queuesOf(topic).get(index);
    }

    private List<MessageQueue> queuesOf(String topic) {
        List<MessageQueue> known = byTopic.get(topic);
        return known != null ? known : byTopic.computeIfAbsent(topic, this::resolve);
    }

    private List<MessageQueue> resolve(String topic) {
        List<MessageQueue> existing = fetch(topic);
        if (!existing.isEmpty()) {
            return existing;
        }
        if (!createMissing) {
            throw new IllegalStateException("topic " + topic + " does not exist and relay.sync-types has no 'schema': "
                    + "create the topic or add schema to relay.sync-types");
        }
        Instant deadline = Instant.now().plus(WAIT);
        Instant nextCreate = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            // creating is idempotent; asked again because a broker that has just started may not yet have
            // registered with the name server, and then its first topic never gets a route
            if (!Instant.now().isBefore(nextCreate)) {
                create(topic);
                nextCreate = Instant.now().plusSeconds(5);
            }
            List<MessageQueue> created = fetch(topic);
            if (!created.isEmpty()) {
                LOG.info("Created topic {} with {} message queues", topic, created.size());
                return created;
            }
            sleep(200);
        }
        throw new IllegalStateException("topic " + topic + " has no route " + WAIT.toSeconds() + " s after it was created");
    }

    private void create(String topic) {
        try {
            for (String master : client.admin().masterBrokers().values()) {
                client.admin().createTopic(master, new TopicConfig(topic, queues, queues));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private List<MessageQueue> fetch(String topic) {
        try {
            return client.producer().fetchPublishMessageQueues(topic).stream()
                    .sorted(Comparator.comparing(MessageQueue::getBrokerName).thenComparingInt(MessageQueue::getQueueId))
                    .toList();
        } catch (Exception noRouteYet) {
            return List.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
