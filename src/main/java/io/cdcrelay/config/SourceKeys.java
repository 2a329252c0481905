package io.cdcrelay.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.cdcrelay.config.RelaySettings.SyncType;
import io.cdcrelay.config.SettingFamily.Variables;
import io.cdcrelay.config.SourceSettings.Flavor;

/** The keys of the source database: connection, selection, and what the relay reads of it. */
public final class SourceKeys {

    public static final Setting<Boolean> CDC_ENABLED = Setting.of("relay.cdc.enabled", Parser.bool(), "true",
            "run the database-to-queue routes; false for a mirror-only relay");
    public static final Setting<Flavor> FLAVOR = Setting.of("relay.source.flavor", Parser.choice(Flavor.class), "mysql",
            "mysql (Debezium's MySQL connector) or mariadb (its MariaDB connector, the only one that sees MariaDB's GTIDs)");
    public static final Setting<String> HOST = Setting.of("relay.source.host", Parser.text(), "127.0.0.1",
            "the source database's host; several as host[:port],… with the primary first: the relay follows a "
            + "failover to the first that is a writable primary holding its GTID position");
    public static final Setting<Integer> PORT = Setting.of("relay.source.port", Parser.integer(1, 65535), "3306",
            "the port of the servers in relay.source.host given without one");
    public static final Setting<String> USER = Setting.optional("relay.source.user", Parser.text(), "—",
            "the user the relay reads the binlog as (required with CDC)");
    public static final Setting<String> PASSWORD = Setting.optional("relay.source.password", Parser.text(), "—",
            "that user's password");
    public static final Setting<Long> SERVER_ID = Setting.of("relay.source.server-id", Parser.longInteger(1, 4294967295L),
            "5400", "the relay's replica id, unique among the server's replicas");
    public static final Setting<String> NAME = Setting.of("relay.source.name",
            Parser.matching("[A-Za-z0-9_.-]{1,64}", "1 to 64 letters, digits, '.', '_' or '-'"), "relay",
            "logical name: source_identity in messages, name of the offset files or state topics");
    public static final Setting<List<String>> DATABASES = Setting.optional("relay.source.databases", Parser.list(), "all",
            "include list of databases");
    public static final Setting<List<String>> TABLES = Setting.optional("relay.source.tables", Parser.list(), "all",
            "include list of tables as db.table, regular expressions allowed");
    public static final Setting<Set<SyncType>> SYNC_TYPES = Setting.of("relay.sync-types",
            Parser.named("schema,full,incremental", SourceKeys::syncTypes), "schema,full,incremental",
            "any of schema (create missing topics), full (snapshot), incremental (binlog)");
    public static final Setting<String> START_TIMESTAMP = Setting.optional("relay.incremental.start-timestamp",
            Parser.text(), "now", "without full: the first start reads the binlog from this time (epoch s or ISO-8601)");

    public static final Setting<String> SIGNAL_TABLE = Setting.optional("relay.snapshot.signal-table",
            Parser.matching("none|[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+",
                    "<database>.<table> (letters, digits, '_' and '$'), or none"),
            "<first of relay.source.databases>.cdc_relay_signal", "the source table POST /snapshot signals Debezium through; none: off");
    public static final Setting<Integer> SNAPSHOT_CHUNK_SIZE = Setting.of("relay.snapshot.chunk-size",
            Parser.integer(1, 1_000_000), "1024", "rows per chunk of a re-snapshot (Debezium's incremental.snapshot.chunk.size)");
    public static final Setting<Integer> SNAPSHOT_MAX_THREADS = Setting.of("relay.snapshot.max-threads",
            Parser.integer(1, 64), "1", "tables the initial snapshot reads at once (Debezium's snapshot.max.threads)");

    public static final SettingFamily DEBEZIUM = new SettingFamily("relay.source.debezium.", "*", Variables.DOTTED, "—",
            "any Debezium connector property, passed through");
    public static final SettingFamily COLUMNS = new SettingFamily("relay.columns.", "<db>.<table>", Variables.NONE, "all",
            "the only columns synchronized of a table (key and sharding columns always kept)");

    public static final List<Setting<?>> ALL = List.of(CDC_ENABLED, FLAVOR, HOST, PORT, USER, PASSWORD, SERVER_ID, NAME,
            DATABASES, TABLES, SYNC_TYPES, START_TIMESTAMP, SIGNAL_TABLE, SNAPSHOT_CHUNK_SIZE,
            SNAPSHOT_MAX_THREADS);
    public static final List<SettingFamily> FAMILIES = List.of(DEBEZIUM, COLUMNS);

    private SourceKeys() {
    }

    private static Set<SyncType> syncTypes(String key, String raw) {
        Parser<SyncType> type = Parser.choice(SyncType.class);
        Set<SyncType> types = EnumSet.noneOf(SyncType.class);
        for (String name : Parser.list().parse(key, raw)) {
            try {
                types.add(type.parse(key, name));
            } catch (SettingsException e) {
                throw new SettingsException(key + " contains " + name
                        + ", which is not a sync type: use any of schema, full, incremental.");
            }
        }
        if (!types.contains(SyncType.FULL) && !types.contains(SyncType.INCREMENTAL)) {
            throw new SettingsException(key + "=" + raw + " moves no data: add full, incremental or both.");
        }
        return Collections.unmodifiableSet(types);
    }
}
