package io.cdcrelay.config;

import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The public {@code relay.*} keys of DESIGN.md and FORMATS.md. A key outside this list stops the start, so a
 * typo never silently falls back to a default.
 */
final class KnownKeys {

    private static final Set<String> EXACT = Set.of(
            "relay.embedded", "relay.data-dir",
            "relay.source.flavor", "relay.source.host", "relay.source.port", "relay.source.user",
            "relay.source.password", "relay.source.server-id", "relay.source.name", "relay.source.databases",
            "relay.source.tables", "relay.source.db-type", "relay.source.tenant", "relay.source.cluster-id",
            "relay.sync-types", "relay.incremental.start-timestamp", "relay.snapshot.signal-table",
            "relay.snapshot.chunk-size",
            "relay.sink", "relay.kafka.bootstrap-servers", "relay.rocketmq.namesrv-addr",
            "relay.format", "relay.format.debezium.schemas", "relay.partitioning", "relay.split-key-updates",
            "relay.topic.name", "relay.topic.partitions", "relay.topic.replication-factor",
            "relay.transaction-sequence", "relay.transaction.chunk-size", "relay.business-system-id", "relay.time-zone",
            "relay.heartbeat.interval", "relay.cdc.enabled", "relay.dead-letter.topic",
            "relay.delivery.window", "relay.delivery.lanes", "relay.delivery.guarantee",
            "relay.delivery.positions-topic", "relay.delivery.timeout", "relay.offset.flush-interval",
            "relay.progress.interval", "relay.http.port", "relay.jolokia.enabled",
            "relay.state.store", "relay.state.kafka.bootstrap-servers", "relay.state.kafka.offsets-topic",
            "relay.state.kafka.schema-history-topic", "relay.state.kafka.replication-factor",
            "relay.mirror.enabled", "relay.mirror.source.bootstrap-servers", "relay.mirror.topics",
            "relay.mirror.group-id", "relay.mirror.start-offset", "relay.mirror.start-time",
            "relay.mirror.destination.bootstrap-servers", "relay.mirror.topic-rule",
            "relay.mirror.partition-policy", "relay.mirror.destination.partitions",
            "relay.ha.cluster-service", "relay.ha.namespace", "relay.ha.member-id",
            "relay.ha.file.root", "relay.ha.file.interval", "relay.ha.file.missed-heartbeats",
            "relay.ha.kubernetes.namespace", "relay.ha.kubernetes.lease-name", "relay.ha.kubernetes.labels",
            "relay.ha.kubernetes.master-url", "relay.ha.kubernetes.lease-duration",
            "relay.ha.kubernetes.renew-deadline", "relay.ha.kubernetes.retry-period",
            "relay.ha.zookeeper.connect", "relay.ha.zookeeper.base-path", "relay.ha.zookeeper.session-timeout");

    private static final List<String> PREFIXES = List.of(
            "relay.kafka.producer.", "relay.rocketmq.producer.", "relay.topic.map.", "relay.sharding-columns.",
            "relay.columns.", "relay.format.topic.", "relay.mirror.source.properties.",
            "relay.mirror.destination.properties.", "relay.source.debezium.", "relay.state.kafka.properties.",
            "relay.demo.");

    private KnownKeys() {
    }

    /** The keys without a free-form part, such as {@code relay.source.server-id}. */
    static Set<String> exactKeys() {
        return EXACT;
    }

    /** The prefixes of the families whose keys end in a free-form part, such as {@code relay.kafka.producer.}. */
    static List<String> prefixes() {
        return PREFIXES;
    }

    static void rejectUnknown(Properties properties) {
        properties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("relay."))
                .filter(k -> !EXACT.contains(k) && PREFIXES.stream().noneMatch(k::startsWith))
                .findFirst()
                .ifPresent(k -> {
                    throw new SettingsException(k + " is not a cdc-relay setting: check its spelling against "
                            + "application.properties or remove it.");
                });
    }
}
