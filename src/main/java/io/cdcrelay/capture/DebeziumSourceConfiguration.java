package io.cdcrelay.capture;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.RelaySettings.SyncType;
import io.cdcrelay.config.SnapshotSettings;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.config.StateSettings;
import io.cdcrelay.position.OffsetStorage;
import io.cdcrelay.position.PositionTopicOffsetStore;
import io.cdcrelay.topic.KafkaTopics;
import io.debezium.storage.kafka.history.KafkaSchemaHistory;
import org.apache.camel.component.debezium.mysql.configuration.MySqlConnectorEmbeddedDebeziumConfiguration;

/**
 * Builds the Debezium connector configuration from the relay's settings: connection, flavor, offsets and
 * schema history (in files under {@code relay.data-dir} or in Kafka topics, by {@code relay.state.store}), and
 * value representations the change mapper understands.
 */
public final class DebeziumSourceConfiguration {

    /** Debezium's {@code poll.interval.ms}; {@code relay.source.debezium.poll.interval.ms} overrides it. */
    static final long POLL_INTERVAL_MS = 10;
    /**
     * Debezium's {@code connect.keep.alive.interval.ms}; {@code relay.source.debezium.connect.keep.alive.interval.ms}
     * overrides it. Not lower: Debezium sets the binlog client's heartbeat to 0.8 of it, and the client takes a
     * reader that saw no event for that long as disconnected and reconnects from the start of the open
     * transaction, sending its rows again. At 1 s a reader merely waiting for the broker (a full window, a large
     * transaction) was reconnected: LargeTransactionIT got 11,944 rows twice.
     */
    static final long KEEP_ALIVE_INTERVAL_MS = 5000;

    private static final String HISTORY_PRODUCER = "schema.history.internal.producer.";
    private static final String HISTORY_CONSUMER = "schema.history.internal.consumer.";

    private DebeziumSourceConfiguration() {
    }

    /**
     * @param fromSeededOffset whether the engine starts at a position {@link OffsetSeeder} seeded and the relay
     *                         has not moved from yet ({@code relay.incremental.start-timestamp})
     */
    public static MySqlConnectorEmbeddedDebeziumConfiguration of(SourceSettings source, Path dataDir,
            StateSettings state, Set<SyncType> syncTypes, boolean fromSeededOffset, DeliverySettings delivery,
            Optional<String> columnExcludeList) {
        MySqlConnectorEmbeddedDebeziumConfiguration c = new MySqlConnectorEmbeddedDebeziumConfiguration();
        c.setName(source.name());
        c.setTopicPrefix(source.name());
        c.setDatabaseHostname(source.host());
        c.setDatabasePort(source.port());
        c.setDatabaseUser(source.user());
        c.setDatabasePassword(source.password());
        c.setDatabaseServerId(source.serverId());
        if (!source.databases().isEmpty()) {
            c.setDatabaseIncludeList(String.join(",", source.databases()));
        }
        if (!source.tables().isEmpty()) {
            c.setTableIncludeList(String.join(",", source.tables()));
        }

        Map<String, Object> additional = new HashMap<>();
        if (state.kafka() == null) {
            // Camel's default keeps the history in a Kafka it is not told about
            c.setOffsetStorage(OffsetStorage.FILE_STORE);
            c.setOffsetStorageFileName(offsetFile(dataDir, source.name()).toString());
            c.setSchemaHistoryInternal(RepairingFileSchemaHistory.class.getName());
            c.setSchemaHistoryInternalFileFilename(historyFile(dataDir, source.name()).toString());
        } else {
            inKafka(c, additional, state.kafka());
        }
        c.setOffsetFlushIntervalMs(delivery.offsetFlush().toMillis());
        // Debezium hands a batch over when it is full or this long after the batch began: its default of 500 ms
        // put a quarter to half a second between a commit and its message under a steady load. A full batch
        // still leaves at once, so catch-up reads in large batches either way.
        c.setPollIntervalMs(POLL_INTERVAL_MS);
        // The binlog client reconnects a lost connection (a killed session, a restarted server) only when its
        // keep-alive thread looks, every minute by default: the relay would read nothing for up to a minute after
        // the source is back. Every 5 s (see KEEP_ALIVE_INTERVAL_MS for why not less).
        c.setConnectKeepAliveIntervalMs(KEEP_ALIVE_INTERVAL_MS);
        // Camel's default names topics without the database
        c.setTopicNamingStrategy("io.debezium.schema.DefaultTopicNamingStrategy");
        c.setSnapshotMode(snapshotMode(syncTypes, fromSeededOffset));

        // Representations DebeziumValues converts; the source type of every column rides along in the schema.
        c.setColumnPropagateSourceType(".*");
        c.setDecimalHandlingMode("precise");
        c.setBigintUnsignedHandlingMode("precise");
        c.setTimePrecisionMode("adaptive_time_microseconds");
        c.setTombstonesOnDelete(false);
        // DDL of captured tables becomes DDL messages; TRUNCATE arrives as its own event
        c.setIncludeSchemaChanges(true);
        c.setSkippedOperations("none");
        // BEGIN/END markers and total_order, for transaction sequence and rule One; costs about a third of
        // raw throughput
        c.setProvideTransactionMetadata(delivery.transactionBoundaries());
        // Debezium's default (true) adds context headers to every record, which the relay never reads: a few
        // objects per change for nothing
        additional.put("extended.headers.enabled", "false");
        columnExcludeList.ifPresent(c::setColumnExcludeList);

        if (source.flavor() == SourceSettings.Flavor.MARIADB) {
            // Only the MariaDB connector sees MariaDB's GTIDs and transaction boundaries (docs/field-notes.md#debezium)
            additional.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
            c.setDatabaseSslMode("disable");
            c.setSourceinfoStructMaker("io.debezium.connector.mariadb.MariaDbSourceInfoStructMaker");
            c.setDatabaseJdbcDriver("org.mariadb.jdbc.Driver");
            c.setDatabaseProtocol("jdbc:mariadb");
        }
        resnapshots(additional, source.snapshot());
        // one thread per table: Debezium 3.4 does not split a table into chunks for the initial snapshot
        c.setSnapshotMaxThreads(source.snapshot().maxThreads());
        additional.putAll(source.debeziumOverrides());
        c.setAdditionalProperties(additional);
        return c;
    }

    /**
     * Incremental snapshots on demand: Debezium reads execute-snapshot signals from the signal table as it meets
     * them in the binlog and writes its chunk watermarks there. Its notifications go to JMX, where the relay reads
     * the snapshot's progress (table in progress, completion) for {@code /status}.
     */
    private static void resnapshots(Map<String, Object> additional, SnapshotSettings resnapshot) {
        resnapshot.signalTable().ifPresent(table -> {
            additional.put("signal.data.collection", table);
            additional.put("signal.enabled.channels", "source");
            additional.put("incremental.snapshot.chunk.size", String.valueOf(resnapshot.chunkSize()));
            additional.put("notification.enabled.channels", "jmx");
        });
    }

    /**
     * Offsets and schema history in two topics of the state's cluster. Kafka Connect's offset store reads its
     * clients' settings from the engine's top level, Debezium's history from its own producer and consumer
     * prefixes: the state's client settings (security) go to both.
     */
    private static void inKafka(MySqlConnectorEmbeddedDebeziumConfiguration c, Map<String, Object> additional,
            StateSettings.KafkaState kafka) {
        c.setOffsetStorage(OffsetStorage.KAFKA_STORE);
        c.setOffsetStorageTopic(kafka.offsetsTopic());
        // one engine writes one key (its name and server): more partitions would hold nothing
        c.setOffsetStoragePartitions(1);
        c.setOffsetStorageReplicationFactor(kafka.replicationFactor());
        additional.put("bootstrap.servers", kafka.bootstrapServers());
        c.setSchemaHistoryInternal(KafkaSchemaHistory.class.getName());
        additional.put(KafkaSchemaHistory.TOPIC.name(), kafka.schemaHistoryTopic());
        additional.put(KafkaSchemaHistory.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
        kafka.clientProperties().forEach((key, value) -> {
            additional.put(key, value);
            additional.put(HISTORY_PRODUCER + key, value);
            additional.put(HISTORY_CONSUMER + key, value);
        });
    }

    /**
     * Where the engine of these settings keeps its offsets: derived from the engine's own properties, so that
     * seeding a start position writes where the engine reads, {@code relay.source.debezium.*} overrides included.
     */
    public static OffsetStorage offsetStorage(SourceSettings source, Path dataDir, StateSettings state,
            DeliverySettings delivery) {
        return OffsetStorage.of(engineProperties(of(source, dataDir, state, EnumSet.of(SyncType.INCREMENTAL), false,
                delivery, Optional.empty())));
    }

    /**
     * The engine's properties: Camel's rendering of the configuration, then every {@code relay.source.debezium.*}
     * key. Camel writes its own values for keys it models ({@code max.batch.size}, {@code poll.interval.ms}, ...)
     * over the additional properties, which made those keys silently do nothing.
     */
    public static Properties engineProperties(MySqlConnectorEmbeddedDebeziumConfiguration configuration) {
        Properties properties = configuration.createDebeziumConfiguration().asProperties();
        if (configuration.getAdditionalProperties() != null) {
            configuration.getAdditionalProperties().forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
        }
        return properties;
    }

    /**
     * Exactly-once: the engine reads its start from the positions topic the Kafka sink commits into, falling back
     * to its own store, file or Kafka ({@link PositionTopicOffsetStore}).
     *
     * @param client the Kafka clients' settings: {@code bootstrap.servers} and what a consumer knows of
     *               {@code relay.kafka.producer.*} (security)
     */
    public static void readPositionsFrom(MySqlConnectorEmbeddedDebeziumConfiguration c, String topic,
            Map<String, String> client) {
        Properties store = PositionTopicOffsetStore.engineProperties(topic, client, c.getOffsetStorage());
        c.setOffsetStorage(store.getProperty("offset.storage"));
        Map<String, Object> additional = new HashMap<>(c.getAdditionalProperties());
        store.stringPropertyNames().stream().filter(k -> !k.equals("offset.storage"))
                .forEach(k -> additional.put(k, store.getProperty(k)));
        c.setAdditionalProperties(additional);
    }

    /**
     * Where a restart of the engine of these settings reads its position: {@link #offsetStorage}, behind the
     * positions topic under exactly-once (as {@link #readPositionsFrom} makes the engine read).
     *
     * @param sinkKafka the sink's Kafka, whose cluster holds the positions topic; null for a RocketMQ sink
     */
    public static OffsetStorage savedPositionStorage(SourceSettings source, Path dataDir, StateSettings state,
            DeliverySettings delivery, KafkaSettings sinkKafka) {
        OffsetStorage own = offsetStorage(source, dataDir, state, delivery);
        return delivery.exactlyOnce() && sinkKafka != null
                ? own.behindPositions(delivery.positionsTopic(), positionsClient(sinkKafka)) : own;
    }

    /** Reading the positions topic: the bootstrap servers, and the clients' settings a consumer knows (security). */
    public static Map<String, String> positionsClient(KafkaSettings kafka) {
        return KafkaTopics.consumerSettings(kafka.bootstrapServers(), kafka.producer());
    }

    /** The engine's offset file: its name is the source's name. */
    public static Path offsetFile(Path dataDir, String sourceName) {
        return dataDir.toAbsolutePath().resolve("offsets-" + sourceName + ".dat");
    }

    static Path historyFile(Path dataDir, String sourceName) {
        return dataDir.toAbsolutePath().resolve("schema-history-" + sourceName + ".dat");
    }

    /**
     * Debezium's snapshot mode for the sync types (Debezium 3.4 semantics):
     * <ul>
     * <li>full and incremental: {@code initial}, the rows of now, then the binlog from that moment;</li>
     * <li>full only: {@code initial_only}, the rows of now and no binlog (the consumer then stops the engine);</li>
     * <li>incremental only: {@code no_data}, the schema of now and the binlog from now, or from the saved
     * position;</li>
     * <li>incremental only, at a seeded position not moved from yet: {@code recovery}. {@code no_data} refuses an
     * offset without schema history ("The db history topic is missing"); {@code recovery} captures the schema
     * of now and then streams from the saved offset (it keeps the offset's position). It captures the schema at
     * every start, so it is used only until the relay saved a position of its own.</li>
     * </ul>
     */
    static String snapshotMode(Set<SyncType> syncTypes, boolean fromSeededOffset) {
        boolean full = syncTypes.contains(SyncType.FULL);
        boolean incremental = syncTypes.contains(SyncType.INCREMENTAL);
        if (full && incremental) {
            return "initial";
        }
        if (full) {
            return "initial_only";
        }
        return fromSeededOffset ? "recovery" : "no_data";
    }
}
