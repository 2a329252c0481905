package io.cdcrelay.capture;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.RelaySettings.SyncType;
import io.cdcrelay.config.SourceSettings;
import org.apache.camel.component.debezium.mysql.configuration.MySqlConnectorEmbeddedDebeziumConfiguration;

/**
 * Builds the Debezium connector configuration from the relay's settings: connection, flavor, offsets and
 * schema history in files under {@code relay.data-dir}, and value representations the change mapper
 * understands.
 */
public final class DebeziumSourceConfiguration {

    /** Debezium's {@code poll.interval.ms}; {@code relay.source.debezium.poll.interval.ms} overrides it. */
    static final long POLL_INTERVAL_MS = 10;
    /**
     * Debezium's {@code connect.keep.alive.interval.ms}; {@code relay.source.debezium.connect.keep.alive.interval.ms}
     * overrides it.
     */
    static final long KEEP_ALIVE_INTERVAL_MS = 1000;

    private DebeziumSourceConfiguration() {
    }

    /**
     * @param fromSeededOffset whether the engine starts at a position {@link OffsetSeeder} seeded and the relay
     *                         has not moved from yet ({@code relay.incremental.start-timestamp})
     */
    public static MySqlConnectorEmbeddedDebeziumConfiguration of(SourceSettings source, Path dataDir,
            Set<SyncType> syncTypes, boolean fromSeededOffset, DeliverySettings delivery,
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

        // Camel's defaults keep history in Kafka and name topics without the database: both unusable here.
        Path dir = dataDir.toAbsolutePath();
        c.setOffsetStorage("org.apache.kafka.connect.storage.FileOffsetBackingStore");
        c.setOffsetStorageFileName(offsetFile(dataDir, source.name()).toString());
        c.setOffsetFlushIntervalMs(delivery.offsetFlush().toMillis());
        // Debezium hands a batch over when it is full or this long after the batch began: its default of 500 ms
        // put a quarter to half a second between a commit and its message under a steady load. A full batch
        // still leaves at once, so catch-up reads in large batches either way.
        c.setPollIntervalMs(POLL_INTERVAL_MS);
        // The binlog client reconnects a lost connection (a killed session, a restarted server) only when its
        // keep-alive thread looks, every minute by default: the relay would read nothing for up to a minute after
        // the source is back. A look every second costs nothing while connected.
        c.setConnectKeepAliveIntervalMs(KEEP_ALIVE_INTERVAL_MS);
        c.setSchemaHistoryInternal("io.debezium.storage.file.history.FileSchemaHistory");
        c.setSchemaHistoryInternalFileFilename(dir.resolve("schema-history-" + source.name() + ".dat").toString());
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
        columnExcludeList.ifPresent(c::setColumnExcludeList);

        Map<String, Object> additional = new HashMap<>();
        if (source.flavor() == SourceSettings.Flavor.MARIADB) {
            // Only the MariaDB connector sees MariaDB's GTIDs and transaction boundaries (FIELD-NOTES).
            additional.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
            c.setDatabaseSslMode("disable");
            c.setSourceinfoStructMaker("io.debezium.connector.mariadb.MariaDbSourceInfoStructMaker");
            c.setDatabaseJdbcDriver("org.mariadb.jdbc.Driver");
            c.setDatabaseProtocol("jdbc:mariadb");
        }
        additional.putAll(source.debeziumOverrides());
        c.setAdditionalProperties(additional);
        return c;
    }

    /**
     * The engine's properties: Camel's rendering of the configuration, then every {@code relay.source.debezium.*}
     * key. Camel writes its own values for keys it models ({@code max.batch.size}, {@code poll.interval.ms}, ...)
     * over the additional properties, which made those keys silently do nothing.
     */
    static Properties engineProperties(MySqlConnectorEmbeddedDebeziumConfiguration configuration) {
        Properties properties = configuration.createDebeziumConfiguration().asProperties();
        if (configuration.getAdditionalProperties() != null) {
            configuration.getAdditionalProperties().forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
        }
        return properties;
    }

    /** The engine's offset file: its name is the source's name. */
    public static Path offsetFile(Path dataDir, String sourceName) {
        return dataDir.toAbsolutePath().resolve("offsets-" + sourceName + ".dat");
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
