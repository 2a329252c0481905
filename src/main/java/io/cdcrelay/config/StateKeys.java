package io.cdcrelay.config;

import java.util.List;

import io.cdcrelay.config.SettingFamily.Variables;
import io.cdcrelay.config.StateSettings.Store;

/** The keys of where the binlog position and the schema history are kept between starts. */
public final class StateKeys {

    private static final Parser<String> TOPIC = Parser.matching("[A-Za-z0-9._-]{1,249}",
            "up to 249 letters, digits, '.', '_' and '-' (a Kafka topic name)");

    public static final Setting<Store> STORE = Setting.of("relay.state.store", Parser.choice(Store.class), "file",
            "file (in relay.data-dir) or kafka (two topics, so a relay on another host can take over)");
    public static final Setting<String> BOOTSTRAP = Setting.optional("relay.state.kafka.bootstrap-servers", Parser.text(),
            "relay.kafka.bootstrap-servers", "with kafka: the cluster of the state topics; required with rocketmq");
    public static final Setting<String> OFFSETS_TOPIC = Setting.optional("relay.state.kafka.offsets-topic", TOPIC,
            "<relay.source.name>.offsets", "with kafka: the compacted topic of the offsets");
    public static final Setting<String> HISTORY_TOPIC = Setting.optional("relay.state.kafka.schema-history-topic", TOPIC,
            "<relay.source.name>.schema-history", "with kafka: the one-partition topic of the schema history");
    public static final Setting<Integer> REPLICATION = Setting.optional("relay.state.kafka.replication-factor",
            Parser.integer(1, Short.MAX_VALUE), "relay.topic.replication-factor",
            "with kafka: of the state topics the relay creates");

    public static final SettingFamily PROPERTIES = new SettingFamily("relay.state.kafka.properties.", "*", Variables.DOTTED,
            "on the sink's cluster, its relay.kafka.producer. security.*, sasl.*, ssl.*",
            "with kafka: Kafka client settings of the state's clients (SASL, TLS)");

    public static final List<Setting<?>> ALL = List.of(STORE, BOOTSTRAP, OFFSETS_TOPIC, HISTORY_TOPIC, REPLICATION);
    public static final List<SettingFamily> FAMILIES = List.of(PROPERTIES);

    private StateKeys() {
    }
}
