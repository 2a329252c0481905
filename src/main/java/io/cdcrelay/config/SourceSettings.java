package io.cdcrelay.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.SourceConnections;

/**
 * Where and how the relay reads the binlog: connection, connector flavor and table selection.
 *
 * @param servers           {@code relay.source.host}: the servers the relay may read, the one it reads first
 * @param columns           {@code relay.columns.<db>.<table>}: the only columns synchronized of that table (its
 *                          key and sharding columns are always kept), keyed by {@code db.table}
 * @param debeziumOverrides {@code relay.source.debezium.*}: Debezium connector properties passed through
 *                          unchanged, for the options the relay has no key of its own for
 * @param snapshot          {@code relay.snapshot.*}: the initial snapshot's threads, the signal table of re-snapshots
 */
public record SourceSettings(
        Flavor flavor,
        List<SourceServer> servers,
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

    public SourceSettings {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a source has at least one server");
        }
    }

    /** The server these settings read: the first of {@link #servers()}. */
    public SourceServer server() {
        return servers.get(0);
    }

    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    /** Whether the relay may move to another server when this one fails or stops being a writable primary. */
    public boolean followsFailover() {
        return servers.size() > 1;
    }

    /**
     * The same settings reading {@code server}, one of {@link #servers()}: it comes first, the others keep their
     * order after it.
     */
    public SourceSettings reading(SourceServer server) {
        if (!servers.contains(server)) {
            throw new IllegalArgumentException(server + " is not among " + servers);
        }
        List<SourceServer> reordered = new ArrayList<>(servers.size());
        reordered.add(server);
        servers.stream().filter(s -> !s.equals(server)).forEach(reordered::add);
        return new SourceSettings(flavor, reordered, user, password, serverId, name, databases, tables, columns,
                debeziumOverrides, snapshot);
    }

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
        return scheme + "://" + server() + "/?connectTimeout=10000"
                + (flavor == Flavor.MYSQL ? "&useSSL=false&allowPublicKeyRetrieval=true" : "");
    }

    @Override
    public String toString() {
        // never print the password
        return "SourceSettings[" + flavor + " " + user + "@" + servers + ", serverId=" + serverId
                + ", name=" + name + "]";
    }
}
