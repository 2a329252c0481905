package io.cdcrelay.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Every setting of a running relay, read once from the merged properties and validated before anything
 * starts. Wrong input fails here with one sentence naming the key. {@code capture} (the source and the chosen
 * broker's settings) is there with CDC, {@code mirror} with the mirror, and at least one of them always is.
 * {@code state} is where the binlog reader keeps its position and schema history.
 */
public record RelaySettings(
        boolean embedded,
        Path dataDir,
        Optional<CaptureSettings> capture,
        Set<SyncType> syncTypes,
        Optional<Instant> startTimestamp,
        FormatSettings formats,
        PartitioningSettings partitioning,
        TopicSettings topics,
        DeliverySettings delivery,
        StateSettings state,
        Optional<MirrorSettings> mirror,
        ZoneId timeZone,
        Duration progressInterval,
        HttpSettings http,
        HaSettings ha) {

    public enum SyncType { SCHEMA, FULL, INCREMENTAL }

    static final String KAFKA_BOOTSTRAP = SinkKeys.KAFKA_BOOTSTRAP.key();

    public static RelaySettings from(Properties properties) {
        SettingCatalog.rejectUnknown(properties);
        PropertyReader r = new PropertyReader(properties);

        boolean cdcEnabled = r.get(SourceKeys.CDC_ENABLED);
        boolean mirrorEnabled = r.get(MirrorKeys.ENABLED);
        if (!cdcEnabled && !mirrorEnabled) {
            throw new SettingsException("relay.cdc.enabled=false with relay.mirror.enabled=false leaves nothing to "
                    + "run: set relay.cdc.enabled=true, relay.mirror.enabled=true or both.");
        }
        Sink sink = r.get(SinkKeys.SINK);
        if (sink == Sink.ROCKETMQ && r.find(SinkKeys.DEAD_LETTER_TOPIC).isPresent()) {
            throw new SettingsException("relay.dead-letter.topic works with relay.sink=kafka only: remove it, or "
                    + "send to Kafka.");
        }
        PartitioningSettings partitioning = PartitioningSettings.from(r);
        Set<SyncType> syncTypes = r.get(SourceKeys.SYNC_TYPES);
        Path dataDir = Path.of(r.get(RuntimeKeys.DATA_DIR));
        Optional<Instant> startTimestamp = startTimestamp(r, syncTypes);
        KafkaSettings kafka = cdcEnabled && sink == Sink.KAFKA ? kafka(r) : null;
        TopicSettings topics = topics(r, syncTypes);
        FormatSettings formats = FormatSettings.from(r);
        return new RelaySettings(
                r.get(RuntimeKeys.EMBEDDED),
                dataDir,
                cdcEnabled ? Optional.of(new CaptureSettings(source(r), sink == Sink.KAFKA ? kafka
                        : RocketMqSettings.from(r))) : Optional.empty(),
                syncTypes,
                startTimestamp,
                formats,
                partitioning,
                topics,
                delivery(r, partitioning, sink, formats.transactionSequence()),
                StateSettings.from(r, kafka, cdcEnabled, r.get(SourceKeys.NAME), topics.replicationFactor()),
                mirrorEnabled ? Optional.of(MirrorSettings.from(r)) : Optional.empty(),
                r.get(MessageKeys.TIME_ZONE),
                r.get(RuntimeKeys.PROGRESS_INTERVAL),
                HttpSettings.from(r),
                HaSettings.from(r, cdcEnabled, r.get(SourceKeys.NAME), dataDir));
    }

    private static SourceSettings source(PropertyReader r) {
        List<String> databases = r.find(SourceKeys.DATABASES).orElse(List.of());
        List<String> tables = r.find(SourceKeys.TABLES).orElse(List.of());
        return new SourceSettings(
                r.get(SourceKeys.FLAVOR),
                SourceServer.parseList(SourceKeys.HOST.key(), r.get(SourceKeys.HOST), r.get(SourceKeys.PORT)),
                r.require(SourceKeys.USER, "set the database user the relay reads the binlog as"),
                r.find(SourceKeys.PASSWORD).orElse(""),
                r.get(SourceKeys.SERVER_ID),
                r.get(SourceKeys.NAME),
                databases,
                tables,
                PartitioningSettings.tableLists(r, SourceKeys.COLUMNS),
                r.withPrefix(SourceKeys.DEBEZIUM.prefix()),
                SnapshotSettings.from(r, databases, tables));
    }

    /**
     * {@code relay.incremental.start-timestamp}: epoch seconds, or ISO-8601 with a zone offset. Only without
     * {@code full}: a snapshot reads the rows as they are now, and the binlog then continues from that moment.
     */
    private static Optional<Instant> startTimestamp(PropertyReader r, Set<SyncType> syncTypes) {
        String key = SourceKeys.START_TIMESTAMP.key();
        Optional<String> raw = r.find(SourceKeys.START_TIMESTAMP);
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
                r.require(SinkKeys.KAFKA_BOOTSTRAP,
                        "name the destination Kafka brokers, for example relay.kafka.bootstrap-servers=host:9092"),
                r.withPrefix(SinkKeys.KAFKA_PRODUCER.prefix()),
                r.find(SinkKeys.DEAD_LETTER_TOPIC));
    }

    private static TopicSettings topics(PropertyReader r, Set<SyncType> syncTypes) {
        Map<String, String> explicit = new LinkedHashMap<>();
        String prefix = MessageKeys.TOPIC_MAP.prefix();
        r.withPrefix(prefix).forEach((table, topic) -> {
            if (!table.matches("[^.]+\\.[^.]+")) {
                throw new SettingsException(prefix + table + " does not name a table: write "
                        + prefix + "<database>.<table>=<topic>.");
            }
            explicit.put(table, topic);
        });
        return new TopicSettings(
                r.get(MessageKeys.TOPIC_NAME),
                explicit,
                r.get(MessageKeys.TOPIC_PARTITIONS),
                r.get(MessageKeys.TOPIC_REPLICATION).shortValue(),
                syncTypes.contains(SyncType.SCHEMA));
    }

    /**
     * Rule One needs transaction boundaries: a transaction is sent whole and acknowledged before the next, or,
     * exactly-once, committed whole in one Kafka transaction. So does the transaction sequence in the messages.
     */
    private static DeliverySettings delivery(PropertyReader r, PartitioningSettings partitioning, Sink sink,
            boolean transactionSequence) {
        boolean one = partitioning.rule() == PartitioningSettings.Rule.ONE;
        DeliveryGuarantee guarantee = r.get(DeliveryKeys.GUARANTEE);
        int lanes = r.get(DeliveryKeys.LANES);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && sink != Sink.KAFKA) {
            throw new SettingsException("relay.delivery.guarantee=exactly-once needs relay.sink=kafka (it writes"
                    + " changes and position in one Kafka transaction): use at-least-once with " + sink.value() + ".");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && r.find(SinkKeys.DEAD_LETTER_TOPIC).isPresent()) {
            throw new SettingsException("relay.dead-letter.topic does not go with relay.delivery.guarantee=exactly-once"
                    + " yet (a refused message aborts its whole Kafka transaction): remove one of them.");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && lanes > 1) {
            throw new SettingsException("relay.delivery.lanes=" + lanes + " does not go with relay.delivery.guarantee"
                    + "=exactly-once, which commits changes in source order: set relay.delivery.lanes to 1 or 0.");
        }
        return new DeliverySettings(
                r.get(DeliveryKeys.WINDOW),
                r.get(DeliveryKeys.TIMEOUT),
                r.get(DeliveryKeys.OFFSET_FLUSH_INTERVAL),
                one || transactionSequence,
                r.get(MessageKeys.TRANSACTION_CHUNK_SIZE),
                one,
                lanes,
                guarantee,
                r.find(DeliveryKeys.POSITIONS_TOPIC).orElse(r.get(SourceKeys.NAME) + ".positions"));
    }
}
