package io.cdcrelay.config;

import java.util.List;
import java.util.Map;

import io.cdcrelay.change.SourceConnections;

/**
 * Where and how the relay reads the binlog: connection, connector flavor and table selection.
 *
 * @param columns           {@code relay.columns.<db>.<table>}: the only columns synchronized of that table (its
 *                          key and sharding columns are always kept), keyed by {@code db.table}
 * @param debeziumOverrides {@code relay.source.debezium.*}: Debezium connector properties passed through
 *                          unchanged, for the options the relay has no key of its own for
 * @param snapshot          {@code relay.snapshot.*}: the initial snapshot's threads, the signal table of re-snapshots
 */
public record SourceSettings(
        Flavor flavor,
        String host,
        int port,
        String user,
        String password,
        long serverId,
        String name,
        List<String> databases,
        List<String> tables,
        Map<String, List<String>> columns,
        Map<String, String> debeziumOverrides,
        SnapshotSettings snapshot) {

    public enum Flavor { MYSQL, MARIADB }

    /**
     * Whether a table is in the selection, by {@code relay.source.databases} and {@code relay.source.tables}
     * (regular expressions over {@code db.table}), as Debezium's include lists select it. Never the signal table
     * ({@code relay.snapshot.signal-table}): its rows are requests and watermarks for Debezium, not data.
     */
    public boolean captures(String database, String table) {
        if (snapshot.isSignalTable(database, table)) {
            return false;
        }
        boolean databaseIncluded = databases.isEmpty() || databases.contains(database);
        String qualified = database + "." + table;
        boolean tableIncluded = tables.isEmpty() || tables.stream().anyMatch(qualified::matches);
        return databaseIncluded && tableIncluded;
    }

    /** Connections for the relay's own metadata queries, with the JDBC driver that matches the flavor. */
    public SourceConnections connections() {
        return new SourceConnections(jdbcUrl(), user, password);
    }

    String jdbcUrl() {
        String scheme = flavor == Flavor.MARIADB ? "jdbc:mariadb" : "jdbc:mysql";
        return scheme + "://" + host + ":" + port + "/?connectTimeout=10000"
                + (flavor == Flavor.MYSQL ? "&useSSL=false&allowPublicKeyRetrieval=true" : "");
    }

    @Override
    public String toString() {
        // never print the password
        return "SourceSettings[" + flavor + " " + user + "@" + host + ":" + port + ", serverId=" + serverId
                + ", name=" + name + "]";
    }
}
