package io.cdcrelay.topic;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdcrelay.config.SettingsException;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the partition count of each destination topic and creates missing topics. A topic that already
 * exists keeps its partition count, and the hash uses that count.
 */
public final class KafkaTopics extends ServiceSupport implements TopicPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Properties adminProperties;
    private final int partitions;
    private final short replicationFactor;
    private final boolean createMissing;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public KafkaTopics(Properties adminProperties, int partitions, short replicationFactor, boolean createMissing) {
        this.adminProperties = adminProperties;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.createMissing = createMissing;
    }

    /** The partition count of {@code topic}, creating the topic first when it is missing and allowed. */
    @Override
    public int partitionsOf(String topic) {
        return partitionsOf(topic, partitions);
    }

    /** As {@link #partitionsOf(String)}, creating a missing topic with {@code partitionsIfMissing} partitions. */
    public int partitionsOf(String topic, int partitionsIfMissing) {
        Integer known = partitionCounts.get(topic);
        return known != null ? known : partitionCounts.computeIfAbsent(topic, t -> resolve(t, partitionsIfMissing));
    }

    /** Admin client settings: the bootstrap servers plus those of {@code clientProperties} an admin client knows. */
    public static Properties adminProperties(String bootstrapServers, Map<String, String> clientProperties) {
        Properties admin = new Properties();
        admin.putAll(known(AdminClientConfig.configNames(), bootstrapServers, clientProperties));
        return admin;
    }

    /** Consumer settings: the bootstrap servers plus those of {@code clientProperties} a consumer knows. */
    public static Map<String, String> consumerSettings(String bootstrapServers, Map<String, String> clientProperties) {
        return known(ConsumerConfig.configNames(), bootstrapServers, clientProperties);
    }

    /**
     * The settings of {@code clientProperties} (a producer's, or the engine's) another kind of client knows, with
     * the bootstrap servers: the clients' security settings (SASL, TLS) apply to every client of the cluster.
     */
    private static Map<String, String> known(Set<String> names, String bootstrapServers,
            Map<String, String> clientProperties) {
        Map<String, String> known = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            if (names.contains(key)) {
                known.put(key, value);
            }
        });
        known.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return known;
    }

    private int resolve(String topic, int partitionsIfMissing) {
        try {
            return ready(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException && !(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                return awaitLeaders(topic);
            }
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + topic + " did not answer within " + WAIT.toSeconds() + " s", e);
        }
        if (!createMissing) {
            throw new IllegalStateException("topic " + topic + " does not exist and relay.sync-types has no "
                    + "'schema': create the topic or add schema to relay.sync-types");
        }
        return create(topic, partitionsIfMissing);
    }

    /** The command an operator runs to set {@code config} ({@code key=value,...}) on an existing topic. */
    public static String configCommand(String bootstrapServers, String topic, String config) {
        return "kafka-configs.sh --bootstrap-server " + bootstrapServers + " --alter --entity-type topics "
                + "--entity-name " + topic + " --add-config " + config;
    }

    /**
     * The relay's own state topic {@code topic} (the exactly-once positions): one partition, compacted, created
     * when missing whatever {@code relay.sync-types} says; an existing topic that would delete positions by age
     * is refused.
     */
    public void ensureCompacted(String topic, String key) {
        try {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin().describeConfigs(List.of(resource)).all()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                // a wrong setting of the user's topic, not an outage: the start stops with the sentence, exit 2
                throw new SettingsException("topic " + topic + " (" + key + ") has cleanup.policy=" + policy
                        + ", which deletes saved positions by age: set it to compact (" + configCommand(
                        adminProperties.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), topic,
                        "cleanup.policy=compact") + "), or name another topic in " + key + ".");
            }
            awaitLeaders(topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e);
            }
            create(topic, 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + topic + " did not answer within " + WAIT.toSeconds() + " s", e);
        }
    }

    private int create(String topic, int partitions) {
        return create(topic, partitions, Map.of());
    }

    private int create(String topic, int partitions, Map<String, String> configs) {
        try {
            admin().createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(configs)))
                    .all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} with {} partitions, replication factor {}", topic, partitions, replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + topic + " took over " + WAIT.toSeconds() + " s", e);
        }
        return awaitLeaders(topic);
    }

    /** Right after creation a topic may be unknown or leaderless a moment (docs/field-notes.md#kafka): wait it out. */
    private int awaitLeaders(String topic) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                return ready(topic);
            } catch (ExecutionException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("topic " + topic + " has no leader for every partition after "
                            + WAIT.toSeconds() + " s", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
            }
            sleep(100);
        }
    }

    /**
     * @return the partition count once every partition's leader serves requests. The metadata names a leader
     *         before that broker has taken the partition over; an idempotent producer whose first batch then
     *         meets NOT_LEADER_OR_FOLLOWER was seen retrying OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery
     *         timeout. Only the leader answers ListOffsets, so an answer for every partition means ready.
     */
    private int ready(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : description.partitions()) {
            if (partition.leader() == null) {
                throw new TimeoutException("partition " + partition.partition() + " of " + topic + " has no leader");
            }
            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
        }
        admin().listOffsets(latest).all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return description.partitions().size();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminProperties);
                }
                current = admin;
            }
        }
        return current;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void doStop() {
        Admin current = admin;
        admin = null;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
