package io.cdcrelay.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code relay.state.*}: where the engine keeps its binlog position (offsets) and the tables' structures
 * (schema history). In files under {@code relay.data-dir}, or in two Kafka topics named after
 * {@code relay.source.name}, so that a relay started on another host with the same name continues where the
 * first one stopped.
 *
 * @param kafka the Kafka state, present with {@code relay.state.store=kafka} and CDC on; null otherwise
 */
public record StateSettings(Store store, KafkaState kafka) {

    public enum Store { FILE, KAFKA }

    private static final String STORE = StateKeys.STORE.key();
    private static final String BOOTSTRAP = StateKeys.BOOTSTRAP.key();
    private static final String PROPERTIES = StateKeys.PROPERTIES.prefix();

    /** The sink's client settings that reach the state's clients too when both share one cluster: security. */
    private static final Set<String> SHARED_PREFIXES = Set.of("security.", "sasl.", "ssl.");

    /**
     * The two state topics on a Kafka cluster.
     *
     * @param bootstrapKey      the setting {@code bootstrapServers} came from, named in messages:
     *                          {@code relay.state.kafka.bootstrap-servers}, or {@code relay.kafka.bootstrap-servers}
     *                          when the state lives on the sink's cluster
     * @param clientProperties  Kafka client settings of the state's producers, consumers and admin clients: the
     *                          sink's security settings when the cluster is the sink's, then
     *                          {@code relay.state.kafka.properties.*}
     * @param replicationFactor of the state topics the relay creates
     */
    public record KafkaState(String bootstrapServers, String bootstrapKey, Map<String, String> clientProperties,
            String offsetsTopic, String schemaHistoryTopic, short replicationFactor) {

        /** Whether the state lives on the sink's cluster, with its connection: one reachability check covers both. */
        public boolean sharesSinkCluster() {
            return bootstrapKey.equals(RelaySettings.KAFKA_BOOTSTRAP);
        }
    }

    /**
     * @param sinkKafka the sink's Kafka, whose cluster the state defaults to; null for a RocketMQ sink
     * @param cdc       whether CDC runs: only the binlog reader has state here (the mirror keeps group offsets)
     */
    static StateSettings from(PropertyReader r, KafkaSettings sinkKafka, boolean cdc, String sourceName,
            short topicReplicationFactor) {
        Store store = r.get(StateKeys.STORE);
        if (store == Store.FILE) {
            rejectKafkaKeysWithFileStore(r);
            return new StateSettings(store, null);
        }
        if (!cdc) {
            return new StateSettings(store, null);
        }
        String offsets = r.find(StateKeys.OFFSETS_TOPIC).orElse(sourceName + ".offsets");
        String history = r.find(StateKeys.HISTORY_TOPIC).orElse(sourceName + ".schema-history");
        if (offsets.equals(history)) {
            throw new SettingsException(StateKeys.OFFSETS_TOPIC.key() + " and " + StateKeys.HISTORY_TOPIC.key()
                    + " both name " + offsets
                    + ": give them different topics, since offsets are compacted and the schema history must not be.");
        }
        short replication = r.find(StateKeys.REPLICATION).map(Integer::shortValue).orElse(topicReplicationFactor);
        Map<String, String> client = new TreeMap<>();
        String bootstrap;
        String bootstrapKey;
        if (r.find(StateKeys.BOOTSTRAP).isPresent()) {
            bootstrap = r.find(StateKeys.BOOTSTRAP).get();
            bootstrapKey = BOOTSTRAP;
        } else if (sinkKafka != null) {
            bootstrap = sinkKafka.bootstrapServers();
            bootstrapKey = RelaySettings.KAFKA_BOOTSTRAP;
            sinkKafka.producer().forEach((key, value) -> {
                if (SHARED_PREFIXES.stream().anyMatch(key::startsWith)) {
                    client.put(key, value);
                }
            });
        } else {
            throw new SettingsException(STORE + "=kafka with relay.sink=rocketmq needs " + BOOTSTRAP + ": name the "
                    + "Kafka brokers that keep the offsets and schema history, for example " + BOOTSTRAP
                    + "=host:9092, or set " + STORE + "=file.");
        }
        client.putAll(r.withPrefix(PROPERTIES));
        return new StateSettings(store, new KafkaState(bootstrap, bootstrapKey, Map.copyOf(client), offsets, history,
                replication));
    }

    /** A {@code relay.state.kafka.*} key with the file store would silently do nothing. */
    private static void rejectKafkaKeysWithFileStore(PropertyReader r) {
        for (Setting<?> setting : List.of(StateKeys.BOOTSTRAP, StateKeys.OFFSETS_TOPIC, StateKeys.HISTORY_TOPIC,
                StateKeys.REPLICATION)) {
            if (r.optional(setting.key()).isPresent()) {
                throw kafkaOnly(setting.key());
            }
        }
        r.withPrefix(PROPERTIES).keySet().stream().findFirst().ifPresent(k -> {
            throw kafkaOnly(PROPERTIES + k);
        });
    }

    private static SettingsException kafkaOnly(String key) {
        return new SettingsException(key + " applies to " + STORE + "=kafka only: set " + STORE + "=kafka, or "
                + "remove it.");
    }
}
