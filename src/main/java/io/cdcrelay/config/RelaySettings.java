package io.cdcrelay.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Every setting of a running relay, read once from the merged properties and validated before anything
 * starts. Wrong input fails here with one sentence naming the key. Of {@code kafka} and {@code rocketmq},
 * only the chosen sink's settings are present, and only with CDC on; {@code source} is null without CDC and
 * {@code mirror} null without the mirror. {@code state} is where the binlog reader keeps its position and
 * schema history.
 */
public record RelaySettings(
        boolean embedded,
        Path dataDir,
        boolean cdcEnabled,
        SourceSettings source,
        Set<SyncType> syncTypes,
        Optional<Instant> startTimestamp,
        String sink,
        KafkaSettings kafka,
        RocketMqSettings rocketmq,
        FormatSettings formats,
        PartitioningSettings partitioning,
        TopicSettings topics,
        DeliverySettings delivery,
        StateSettings state,
        MirrorSettings mirror,
        ZoneId timeZone,
        Duration progressInterval,
        HttpSettings http,
        HaSettings ha) {

    public enum SyncType { SCHEMA, FULL, INCREMENTAL }

    static final String KAFKA_BOOTSTRAP = "relay.kafka.bootstrap-servers";

    public static RelaySettings from(Properties properties) {
        KnownKeys.rejectUnknown(properties);
        PropertyReader r = new PropertyReader(properties);

        boolean embedded = r.bool("relay.embedded", false);
        boolean cdcEnabled = r.bool("relay.cdc.enabled", true);
        boolean mirrorEnabled = r.bool("relay.mirror.enabled", false);
        if (!cdcEnabled && !mirrorEnabled) {
            throw new SettingsException("relay.cdc.enabled=false with relay.mirror.enabled=false leaves nothing to "
                    + "run: set relay.cdc.enabled=true, relay.mirror.enabled=true or both.");
        }
        String sink = r.oneOf("relay.sink", "kafka", "kafka", "rocketmq");
        if (sink.equals("rocketmq") && r.optional("relay.dead-letter.topic").filter(t -> !t.isBlank()).isPresent()) {
            throw new SettingsException("relay.dead-letter.topic works with relay.sink=kafka only: remove it, or "
                    + "send to Kafka.");
        }
        PartitioningSettings partitioning = PartitioningSettings.from(r);
        Set<SyncType> syncTypes = syncTypes(r);
        Path dataDir = Path.of(r.string("relay.data-dir", "./data"));
        SourceSettings source = cdcEnabled ? source(r) : null;
        Optional<Instant> startTimestamp = startTimestamp(r, syncTypes);
        KafkaSettings kafka = cdcEnabled && sink.equals("kafka") ? kafka(r) : null;
        TopicSettings topics = topics(r);
        return new RelaySettings(
                embedded,
                dataDir,
                cdcEnabled,
                source,
                syncTypes,
                startTimestamp,
                sink,
                kafka,
                cdcEnabled && sink.equals("rocketmq") ? RocketMqSettings.from(r) : null,
                FormatSettings.from(r),
                partitioning,
                topics,
                delivery(r, partitioning, sink),
                StateSettings.from(r, kafka, cdcEnabled, source == null ? null : source.name(),
                        topics.replicationFactor()),
                mirrorEnabled ? MirrorSettings.from(r) : null,
                zone(r),
                r.duration("relay.progress.interval", Duration.ofSeconds(5)),
                HttpSettings.from(r),
                HaSettings.from(r, cdcEnabled, r.string("relay.source.name", "relay"), dataDir));
    }

    private static SourceSettings source(PropertyReader r) {
        String flavor = r.oneOf("relay.source.flavor", "mysql", "mysql", "mariadb");
        String name = r.string("relay.source.name", "relay");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new SettingsException("relay.source.name=" + name + " is not valid: use 1 to 64 letters, "
                    + "digits, '.', '_' or '-'.");
        }
        List<String> databases = r.list("relay.source.databases");
        List<String> tables = r.list("relay.source.tables");
        return new SourceSettings(
                SourceSettings.Flavor.valueOf(flavor.toUpperCase(Locale.ROOT)),
                r.string("relay.source.host", "127.0.0.1"),
                r.integer("relay.source.port", 3306, 1, 65535),
                r.required("relay.source.user", "set the database user the relay reads the binlog as"),
                r.string("relay.source.password", ""),
                r.longValue("relay.source.server-id", 5400, 1, 4294967295L),
                name,
                databases,
                tables,
                PartitioningSettings.tableLists(r, "relay.columns."),
                r.withPrefix("relay.source.debezium."),
                ResnapshotSettings.from(r, databases, tables));
    }

    private static Set<SyncType> syncTypes(PropertyReader r) {
        List<String> names = r.list("relay.sync-types");
        if (names.isEmpty() && r.optional("relay.sync-types").isEmpty()) {
            return EnumSet.allOf(SyncType.class);
        }
        Set<SyncType> types = EnumSet.noneOf(SyncType.class);
        for (String n : names) {
            try {
                types.add(SyncType.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SettingsException("relay.sync-types contains " + n
                        + ", which is not a sync type: use any of schema, full, incremental.");
            }
        }
        if (!types.contains(SyncType.FULL) && !types.contains(SyncType.INCREMENTAL)) {
            throw new SettingsException("relay.sync-types=" + String.join(",", names)
                    + " moves no data: add full, incremental or both.");
        }
        return types;
    }

    /**
     * {@code relay.incremental.start-timestamp}: epoch seconds, or ISO-8601 with a zone offset. Only without
     * {@code full}: a snapshot reads the rows as they are now, and the binlog then continues from that moment.
     */
    private static Optional<Instant> startTimestamp(PropertyReader r, Set<SyncType> syncTypes) {
        String key = "relay.incremental.start-timestamp";
        Optional<String> raw = r.optional(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Instant at = parseStartTimestamp(key, raw.get());
        if (syncTypes.contains(SyncType.FULL)) {
            throw new SettingsException(key + " cannot be combined with full in relay.sync-types, whose snapshot "
                    + "already decides where the binlog starts: remove full (relay.sync-types=schema,incremental) "
                    + "or remove " + key + ".");
        }
        return Optional.of(at);
    }

    static Instant parseStartTimestamp(String key, String value) {
        if (value.matches("\\d{1,10}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        if (value.matches("\\d{11,}")) {
            String seconds = value.length() > 3 ? value.substring(0, value.length() - 3) : value;
            throw new SettingsException(key + "=" + value + " looks like epoch milliseconds: write epoch seconds ("
                    + seconds + ") or ISO-8601 with a zone offset (2026-11-21T08:00:00Z).");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new SettingsException(key + "=" + value + " is not a time: write epoch seconds (1795260915) or "
                    + "ISO-8601 with a zone offset (2026-11-21T08:00:00Z or 2026-11-21T10:00:00+02:00).");
        }
    }

    private static KafkaSettings kafka(PropertyReader r) {
        return new KafkaSettings(
                r.required(KAFKA_BOOTSTRAP,
                        "name the destination Kafka brokers, for example relay.kafka.bootstrap-servers=host:9092"),
                r.withPrefix("relay.kafka.producer."),
                r.optional("relay.dead-letter.topic").filter(t -> !t.isBlank()).map(RelaySettings::deadLetterTopic));
    }

    private static String deadLetterTopic(String topic) {
        if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new SettingsException("relay.dead-letter.topic=" + topic + " is not a Kafka topic name: use up to "
                    + "249 letters, digits, '.', '_' and '-'.");
        }
        return topic;
    }

    private static TopicSettings topics(PropertyReader r) {
        Map<String, String> explicit = new LinkedHashMap<>();
        r.withPrefix("relay.topic.map.").forEach((table, topic) -> {
            if (!table.matches("[^.]+\\.[^.]+")) {
                throw new SettingsException("relay.topic.map." + table + " does not name a table: write "
                        + "relay.topic.map.<database>.<table>=<topic>.");
            }
            explicit.put(table, topic);
        });
        return new TopicSettings(
                r.string("relay.topic.name", "Topic_${database}_${table}"),
                Map.copyOf(explicit),
                r.integer("relay.topic.partitions", 3, 1, 10_000),
                (short) r.integer("relay.topic.replication-factor", 1, 1, Short.MAX_VALUE),
                syncTypes(r).contains(SyncType.SCHEMA));
    }

    /**
     * Rule One needs transaction boundaries: a transaction is sent whole and acknowledged before the next, or,
     * exactly-once, committed whole in one Kafka transaction.
     */
    private static DeliverySettings delivery(PropertyReader r, PartitioningSettings partitioning, String sink) {
        boolean one = partitioning.rule() == PartitioningSettings.Rule.ONE;
        DeliveryGuarantee guarantee = DeliveryGuarantee.of(r.oneOf("relay.delivery.guarantee",
                DeliveryGuarantee.AT_LEAST_ONCE.value(), DeliveryGuarantee.values(DeliveryGuarantee.values())));
        int lanes = r.integer("relay.delivery.lanes", 1, 0, 64);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && !sink.equals("kafka")) {
            throw new SettingsException("relay.delivery.guarantee=exactly-once needs relay.sink=kafka (it writes"
                    + " changes and position in one Kafka transaction): use at-least-once with " + sink + ".");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE
                && r.optional("relay.dead-letter.topic").filter(t -> !t.isBlank()).isPresent()) {
            throw new SettingsException("relay.dead-letter.topic does not go with relay.delivery.guarantee=exactly-once"
                    + " yet (a refused message aborts its whole Kafka transaction): remove one of them.");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && lanes > 1) {
            throw new SettingsException("relay.delivery.lanes=" + lanes + " does not go with relay.delivery.guarantee"
                    + "=exactly-once, which commits changes in source order: set relay.delivery.lanes to 1 or 0.");
        }
        return new DeliverySettings(
                r.integer("relay.delivery.window", 20_000, 1, 1_000_000),
                r.duration("relay.delivery.timeout", Duration.ofMinutes(2)),
                r.duration("relay.offset.flush-interval", Duration.ofSeconds(1)),
                one || r.bool("relay.transaction-sequence", false),
                r.integer("relay.transaction.chunk-size", 10_000, 1, 1_000_000),
                one,
                lanes,
                guarantee,
                r.string("relay.delivery.positions-topic", r.string("relay.source.name", "relay") + ".positions"));
    }

    private static ZoneId zone(PropertyReader r) {
        String zone = r.string("relay.time-zone", "UTC");
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new SettingsException("relay.time-zone=" + zone
                    + " is not a time zone: use an IANA name such as UTC or Europe/Berlin.");
        }
    }
}
