package io.cdcrelay.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdcrelay.config.StateSettings.KafkaState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two topics of {@code relay.state.store=kafka}: how the relay creates them, and what makes an existing one
 * unusable.
 * <ul>
 * <li>Offsets: Kafka Connect's offset store keeps the last value of each key and refuses a topic whose cleanup
 * policy is anything but {@code compact}.</li>
 * <li>Schema history: Debezium rebuilds the tables' structures from every record since the first start, reading
 * them in order, so the topic has one partition and keeps everything. Its records have no key, which a compacted
 * topic refuses.</li>
 * </ul>
 */
public final class StateTopics {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopics.class);
    /** Seven days: what a topic keeps when neither it nor its broker says otherwise. */
    private static final long KAFKA_DEFAULT_RETENTION_MS = Duration.ofDays(7).toMillis();

    /** What is wrong with an existing topic and how to fix it, each in words that follow the topic's name. */
    public record Problem(String what, String fix) {
    }

    private StateTopics() {
    }

    /** Admin client settings for the state's cluster. */
    public static Properties adminProperties(KafkaState state) {
        return KafkaTopics.adminProperties(state.bootstrapServers(), state.clientProperties());
    }

    public static NewTopic offsets(KafkaState state) {
        return new NewTopic(state.offsetsTopic(), 1, state.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    public static NewTopic schemaHistory(KafkaState state) {
        return new NewTopic(state.schemaHistoryTopic(), 1, state.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
    }

    /** The existing offsets topic's problem, if any; {@code config} holds the topic's effective settings. */
    public static Optional<Problem> offsetsProblem(KafkaState state, Map<String, String> config) {
        String policy = config.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (policy.replace(" ", "").equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            return Optional.empty();
        }
        return Optional.of(new Problem("has cleanup.policy=" + policy + ", but the offsets need compact (only)",
                "set it with " + KafkaTopics.configCommand(state.bootstrapServers(), state.offsetsTopic(),
                        "cleanup.policy=compact") + ", or name another topic in relay.state.kafka.offsets-topic"));
    }

    /** The existing schema-history topic's problems, if any, in one. */
    public static Optional<Problem> schemaHistoryProblem(KafkaState state, int partitions, Map<String, String> config) {
        List<String> what = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        String topic = state.schemaHistoryTopic();
        if (partitions != 1) {
            what.add("has " + partitions + " partitions, but Debezium reads the history in order from one");
            fixes.add("name a new topic in relay.state.kafka.schema-history-topic, which the relay creates with one "
                    + "partition (with a position already saved, also a new relay.state.kafka.offsets-topic, since a "
                    + "position needs its history: the relay then starts as on its first start)");
        }
        String policy = config.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            what.add("has cleanup.policy=" + policy + ", which refuses the history's records (they have no key)");
            fixes.add(KafkaTopics.configCommand(state.bootstrapServers(), topic, "cleanup.policy=delete"));
        }
        long retentionMs = number(config, TopicConfig.RETENTION_MS_CONFIG, KAFKA_DEFAULT_RETENTION_MS);
        long retentionBytes = number(config, TopicConfig.RETENTION_BYTES_CONFIG, -1);
        boolean foreverByTime = retentionMs < 0 || retentionMs == Long.MAX_VALUE;
        if (!foreverByTime || retentionBytes >= 0) {
            what.add("deletes old records (retention.ms=" + retentionMs + ", retention.bytes=" + retentionBytes
                    + "), but Debezium needs every record since the first start");
            fixes.add(KafkaTopics.configCommand(state.bootstrapServers(), topic, "retention.ms=-1,retention.bytes=-1"));
        }
        if (what.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(String.join(", and ", what), String.join("; ", fixes)));
    }

    /**
     * Creates whichever of the two topics is missing, before the engine starts: Debezium would create the history
     * topic with the broker's default replication factor, and a broker that creates topics on first use would make
     * it with its default partitions and retention. An existing topic stays as it is; the precheck judged it.
     */
    public static void createMissing(KafkaState state, Duration timeout) {
        try (Admin admin = Admin.create(adminProperties(state))) {
            for (NewTopic topic : List.of(offsets(state), schemaHistory(state))) {
                try {
                    if (exists(admin, topic.name(), timeout)) {
                        continue;
                    }
                    admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.info("Created the state topic {} ({} partition, replication factor {}, {})", topic.name(),
                            topic.numPartitions(), topic.replicationFactor(), topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot describe or create the state topic " + topic.name()
                                + ": " + e.getCause().getMessage(), e);
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("creating the state topic " + topic.name() + " took over "
                            + timeout.toSeconds() + " s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating the state topic " + topic.name(), e);
                }
            }
        }
    }

    /** Asked before creating: a principal may describe and write a topic it has no right to create. */
    private static boolean exists(Admin admin, String topic, Duration timeout)
            throws InterruptedException, TimeoutException, ExecutionException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static long number(Map<String, String> config, String key, long kafkaDefault) {
        String value = config.get(key);
        return value == null ? kafkaDefault : Long.parseLong(value.trim());
    }
}
