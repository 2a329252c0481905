package io.cdcrelay.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What goes into the messages besides the change: the wire format (overall and per topic), identities,
 * transaction sequence and heartbeats.
 *
 * @param format              {@code relay.format}
 * @param formatByTopic       {@code relay.format.topic.<topic>}
 * @param businessSystemId    {@code relay.business-system-id}, empty when unset
 * @param heartbeatInterval   {@code relay.heartbeat.interval}, empty when heartbeats are off
 */
public record FormatSettings(
        WireFormatName format,
        Map<String, WireFormatName> formatByTopic,
        String dbType,
        String tenant,
        String clusterId,
        boolean transactionSequence,
        boolean debeziumSchemas,
        String businessSystemId,
        Optional<Duration> heartbeatInterval) {

    static FormatSettings from(PropertyReader r) {
        Optional<Duration> heartbeat = r.find(MessageKeys.HEARTBEAT_INTERVAL);
        if (heartbeat.isPresent() && heartbeat.get().toMillis() < 100) {
            throw new SettingsException("relay.heartbeat.interval=" + r.optional(MessageKeys.HEARTBEAT_INTERVAL.key())
                    .orElseThrow() + " is too short: use at least 100ms, for example 10s.");
        }
        Map<String, WireFormatName> byTopic = new LinkedHashMap<>();
        Parser<WireFormatName> names = MessageKeys.FORMAT.parser();
        String prefix = MessageKeys.FORMAT_BY_TOPIC.prefix();
        r.withPrefix(prefix).forEach((topic, name) -> byTopic.put(topic, names.parse(prefix + topic, name)));
        return new FormatSettings(
                r.get(MessageKeys.FORMAT),
                Map.copyOf(byTopic),
                r.get(MessageKeys.DB_TYPE).name(),
                r.find(MessageKeys.TENANT).orElse(""),
                r.find(MessageKeys.CLUSTER_ID).orElse(""),
                r.get(MessageKeys.TRANSACTION_SEQUENCE),
                r.get(MessageKeys.DEBEZIUM_SCHEMAS),
                r.find(MessageKeys.BUSINESS_SYSTEM_ID).orElse(""),
                heartbeat);
    }
}
