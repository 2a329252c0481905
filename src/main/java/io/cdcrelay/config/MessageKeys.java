package io.cdcrelay.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import io.cdcrelay.config.PartitioningSettings.Rule;
import io.cdcrelay.config.SettingFamily.Variables;

/** The keys of what the messages look like and where they go: format, topics, partitions, identities. */
public final class MessageKeys {

    public static final Setting<WireFormatName> FORMAT = Setting.of("relay.format", Parser.choice(WireFormatName.class,
            WireFormatName::value), "default", "wire format: default, default-extend-column-type, canal, dataworks, "
            + "shareplex or debezium");
    public static final Setting<Boolean> DEBEZIUM_SCHEMAS = Setting.of("relay.format.debezium.schemas", Parser.bool(),
            "false", "debezium format only: add the schema part to every message");
    public static final Setting<DbType> DB_TYPE = Setting.of("relay.source.db-type", Parser.choice(DbType.class,
            DbType::name), "MYSQL", "MYSQL, or OB_MYSQL for OceanBase: dbType in the OMS formats");
    public static final Setting<String> TENANT = Setting.optional("relay.source.tenant", Parser.text(), "—",
            "when set, databases are written tenant.database");
    public static final Setting<String> CLUSTER_ID = Setting.optional("relay.source.cluster-id", Parser.text(), "—",
            "clusterId in the OMS formats");
    public static final Setting<Boolean> TRANSACTION_SEQUENCE = Setting.of("relay.transaction-sequence", Parser.bool(),
            "false", "mark each change with its transaction id, 1-based sequence and whether it is the last");
    public static final Setting<Integer> TRANSACTION_CHUNK_SIZE = Setting.of("relay.transaction.chunk-size",
            Parser.integer(1, 1_000_000), "10000", "changes of a transaction held per chunk for the sequence");
    public static final Setting<String> BUSINESS_SYSTEM_ID = Setting.optional("relay.business-system-id",
            Parser.matching("[A-Za-z0-9_-]{1,20}", "1 to 20 letters, digits, '_' or '-'"), "—",
            "carried on every message as the header relay.bsid");
    public static final Setting<Duration> HEARTBEAT_INTERVAL = Setting.optional("relay.heartbeat.interval",
            Parser.duration(), "off", "a HEARTBEAT message in every topic this often (100ms at least)");
    public static final Setting<ZoneId> TIME_ZONE = Setting.of("relay.time-zone", Parser.named("IANA zone",
            MessageKeys::zone), "UTC", "zone TIMESTAMP columns are printed in");
    public static final Setting<Rule> PARTITIONING = Setting.of("relay.partitioning", Parser.choice(Rule.class), "hash",
            "hash (per-key order) or one (partition 0, whole transactions in commit order)");
    public static final Setting<Boolean> SPLIT_KEY_UPDATES = Setting.of("relay.split-key-updates", Parser.bool(), "true",
            "an UPDATE of the hashed key becomes DELETE + INSERT");
    public static final Setting<String> TOPIC_NAME = Setting.of("relay.topic.name", Parser.text(),
            "Topic_${database}_${table}", "topic of tables without an explicit mapping; ${database}, ${table} expand");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.of("relay.topic.partitions", Parser.integer(1, 10_000),
            "3", "partitions of the topics the relay creates; an existing topic keeps its count");
    public static final Setting<Integer> TOPIC_REPLICATION = Setting.of("relay.topic.replication-factor",
            Parser.integer(1, Short.MAX_VALUE), "1", "replication factor of the topics the relay creates");

    public static final SettingFamily FORMAT_BY_TOPIC = new SettingFamily("relay.format.topic.", "<topic>", Variables.NONE,
            "relay.format", "the wire format of one topic");
    public static final SettingFamily TOPIC_MAP = new SettingFamily("relay.topic.map.", "<db>.<table>", Variables.NONE, "—",
            "explicit topic of a table; several tables may share one");
    public static final SettingFamily SHARDING_COLUMNS = new SettingFamily("relay.sharding-columns.", "<db>.<table>",
            Variables.NONE, "—", "columns to hash a table on instead of its key");

    public static final List<Setting<?>> ALL = List.of(FORMAT, DEBEZIUM_SCHEMAS, DB_TYPE, TENANT, CLUSTER_ID,
            TRANSACTION_SEQUENCE, TRANSACTION_CHUNK_SIZE, BUSINESS_SYSTEM_ID, HEARTBEAT_INTERVAL, TIME_ZONE,
            PARTITIONING, SPLIT_KEY_UPDATES, TOPIC_NAME, TOPIC_PARTITIONS, TOPIC_REPLICATION);
    public static final List<SettingFamily> FAMILIES = List.of(FORMAT_BY_TOPIC, TOPIC_MAP, SHARDING_COLUMNS);

    /** {@code relay.source.db-type}: the {@code dbType} of the OMS formats. */
    public enum DbType { MYSQL, OB_MYSQL }

    private MessageKeys() {
    }

    private static ZoneId zone(String key, String raw) {
        try {
            return ZoneId.of(raw);
        } catch (RuntimeException e) {
            throw new SettingsException(key + "=" + raw
                    + " is not a time zone: use an IANA name such as UTC or Europe/Berlin.");
        }
    }
}
