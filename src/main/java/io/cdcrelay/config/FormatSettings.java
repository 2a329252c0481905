package io.cdcrelay.config;

import java.time.Duration;
import java.util.Locale;
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
        String format,
        Map<String, String> formatByTopic,
        String dbType,
        String tenant,
        String clusterId,
        boolean transactionSequence,
        boolean debeziumSchemas,
        String businessSystemId,
        Optional<Duration> heartbeatInterval) {

    static FormatSettings from(PropertyReader r) {
        String bsid = r.string("relay.business-system-id", "");
        if (!bsid.isEmpty() && !bsid.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new SettingsException("relay.business-system-id=" + bsid + " is not valid: use 1 to 20 letters, "
                    + "digits, '_' or '-'.");
        }
        Optional<Duration> heartbeat = r.optional("relay.heartbeat.interval")
                .map(v -> r.duration("relay.heartbeat.interval", Duration.ZERO));
        if (heartbeat.isPresent() && heartbeat.get().toMillis() < 100) {
            throw new SettingsException("relay.heartbeat.interval=" + r.string("relay.heartbeat.interval", "")
                    + " is too short: use at least 100ms, for example 10s.");
        }
        return new FormatSettings(
                r.string("relay.format", "default").toLowerCase(Locale.ROOT),
                r.withPrefix("relay.format.topic."),
                r.oneOf("relay.source.db-type", "mysql", "mysql", "ob_mysql").toUpperCase(Locale.ROOT),
                r.string("relay.source.tenant", ""),
                r.string("relay.source.cluster-id", ""),
                r.bool("relay.transaction-sequence", false),
                r.bool("relay.format.debezium.schemas", false),
                bsid,
                heartbeat);
    }
}
