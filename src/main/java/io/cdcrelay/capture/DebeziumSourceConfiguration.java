package io.cdcrelay.capture;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    private DebeziumSourceConfiguration() {
    }

    public static MySqlConnectorEmbeddedDebeziumConfiguration of(SourceSettings source, Path dataDir,
            Set<SyncType> syncTypes, DeliverySettings delivery, Optional<String> columnExcludeList) {
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
        c.setOffsetStorageFileName(dir.resolve("offsets-" + source.name() + ".dat").toString());
        c.setOffsetFlushIntervalMs(delivery.offsetFlush().toMillis());
        c.setSchemaHistoryInternal("io.debezium.storage.file.history.FileSchemaHistory");
        c.setSchemaHistoryInternalFileFilename(dir.resolve("schema-history-" + source.name() + ".dat").toString());
        c.setTopicNamingStrategy("io.debezium.schema.DefaultTopicNamingStrategy");
        c.setSnapshotMode(snapshotMode(syncTypes));

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

    static String snapshotMode(Set<SyncType> syncTypes) {
        boolean full = syncTypes.contains(SyncType.FULL);
        boolean incremental = syncTypes.contains(SyncType.INCREMENTAL);
        if (full && incremental) {
            return "initial";
        }
        return full ? "initial_only" : "no_data";
    }
}
