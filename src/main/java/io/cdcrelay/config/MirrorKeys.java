package io.cdcrelay.config;

import java.util.List;

import io.cdcrelay.config.MirrorSettings.Policy;
import io.cdcrelay.config.MirrorSettings.StartOffset;
import io.cdcrelay.config.SettingFamily.Variables;

/** The keys of the Kafka → Kafka mirror. */
public final class MirrorKeys {

    public static final Setting<Boolean> ENABLED = Setting.of("relay.mirror.enabled", Parser.bool(), "false",
            "run the Kafka → Kafka mirror (routes/kafka-mirror.camel.yaml)");
    public static final Setting<String> SOURCE_BOOTSTRAP = Setting.optional("relay.mirror.source.bootstrap-servers",
            Parser.text(), "—", "the cluster to read");
    public static final Setting<String> TOPICS = Setting.optional("relay.mirror.topics", Parser.text(), "—",
            "comma-separated names, or one regular expression");
    public static final Setting<String> GROUP_ID = Setting.of("relay.mirror.group-id", Parser.text(), "cdc-relay-mirror",
            "consumer group; its committed offsets win over the start offset");
    public static final Setting<StartOffset> START_OFFSET = Setting.of("relay.mirror.start-offset",
            Parser.choice(StartOffset.class), "latest", "for partitions the group never committed: earliest, latest or time");
    public static final Setting<String> START_TIME = Setting.optional("relay.mirror.start-time", Parser.text(), "—",
            "for time: ISO-8601 (2026-11-21T08:00:00Z) or epoch ms");
    public static final Setting<String> DESTINATION_BOOTSTRAP = Setting.optional("relay.mirror.destination.bootstrap-servers",
            Parser.text(), "—", "the cluster to write");
    public static final Setting<TopicRenameRule> TOPIC_RULE = Setting.of("relay.mirror.topic-rule", TopicRenameRule::parse,
            "#{source_topic_name}", "destination topic; #{source_topic_name} expands, a fixed name merges topics");
    public static final Setting<Policy> PARTITION_POLICY = Setting.of("relay.mirror.partition-policy",
            Parser.choice(Policy.class), "same", "zero, same or round-robin");
    public static final Setting<Integer> DESTINATION_PARTITIONS = Setting.of("relay.mirror.destination.partitions",
            Parser.integer(1, 10_000), "3", "partitions of destination topics the relay creates");

    public static final SettingFamily SOURCE_PROPERTIES = new SettingFamily("relay.mirror.source.properties.", "*",
            Variables.DOTTED, "—", "consumer settings, prefix stripped (SASL, TLS, metadata.max.age.ms, …)");
    public static final SettingFamily DESTINATION_PROPERTIES = new SettingFamily("relay.mirror.destination.properties.", "*",
            Variables.DOTTED, "—", "producer (and topic admin) settings, prefix stripped");

    public static final List<Setting<?>> ALL = List.of(ENABLED, SOURCE_BOOTSTRAP, TOPICS, GROUP_ID, START_OFFSET, START_TIME,
            DESTINATION_BOOTSTRAP, TOPIC_RULE, PARTITION_POLICY, DESTINATION_PARTITIONS);
    public static final List<SettingFamily> FAMILIES = List.of(SOURCE_PROPERTIES, DESTINATION_PROPERTIES);

    private MirrorKeys() {
    }
}
