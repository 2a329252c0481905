package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@code relay.source.server-id} is already taken: a binlog reader whose id is in use disconnects
 * the other reader with that id, or is disconnected by it (docs/field-notes.md#debezium).
 *
 * <p>What it sees: the source's own {@code server_id}, and the replicas registered with it right now
 * ({@code SHOW REPLICAS} on MySQL 8.0.22+, {@code SHOW REPLICA HOSTS} on MariaDB 10.5+, {@code SHOW SLAVE
 * HOSTS} before). What it cannot see: binlog readers that never register, which includes Debezium (its
 * binlog client sends no COM_REGISTER_SLAVE) and so every other cdc-relay; replicas not connected at this
 * moment; replicas of other servers of the topology (a replica of a replica, the other sources of a
 * multi-source replica); on MariaDB before 10.5, replicas started without {@code report_host}; and, without
 * REPLICATION MASTER ADMIN on MariaDB 10.5.2+, any replica at all. A PASS therefore means "no conflict
 * visible from here", and its line says what was listed.
 */
final class ServerIdCheck {

    static final String NAME = "server id";

    /** The parse error of a server too old for the newer statement: try the older one. */
    private static final int PARSE_ERROR = 1064;
    private static final List<String> MARIADB_LISTINGS = List.of("SHOW REPLICA HOSTS", "SHOW SLAVE HOSTS");
    private static final List<String> MYSQL_LISTINGS = List.of("SHOW REPLICAS", "SHOW SLAVE HOSTS");

    private final long serverId;

    ServerIdCheck(long serverId) {
        this.serverId = serverId;
    }

    CheckResult run(Connection c) throws SQLException {
        long own;
        boolean mariaDb;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@global.server_id, VERSION() LIKE '%MariaDB%'")) {
            rs.next();
            own = rs.getLong(1);
            mariaDb = rs.getBoolean(2);
        }
        String fix = "set relay.source.server-id to a number that no server or replica of this replication "
                + "topology uses";
        if (own == serverId) {
            return CheckResult.fail(NAME, "relay.source.server-id=" + serverId + " is the source server's own "
                    + "server_id", fix);
        }
        List<String> taken = new ArrayList<>();
        String replicasSeen;
        try {
            List<Replica> replicas = replicas(c, mariaDb ? MARIADB_LISTINGS : MYSQL_LISTINGS);
            for (Replica replica : replicas) {
                if (replica.serverId() == serverId) {
                    taken.add(replica.host() + ":" + replica.port());
                }
            }
            replicasSeen = serverId + " is neither the source's own server_id (" + own + ") nor a registered "
                    + "replica's (" + replicas.size() + " listed)";
        } catch (SQLException e) {
            replicasSeen = serverId + " is not the source's own server_id (" + own + "); registered replicas could "
                    + "not be listed (" + Problems.message(e) + ")";
        }
        if (!taken.isEmpty()) {
            return CheckResult.fail(NAME, "relay.source.server-id=" + serverId + " is the server_id of the replica at "
                    + String.join(", ", taken), fix);
        }
        return CheckResult.pass(NAME, replicasSeen + "; binlog readers that never register, such as other relays, "
                + "cannot be seen");
    }

    private record Replica(long serverId, String host, String port) {
    }

    private static List<Replica> replicas(Connection c, List<String> listings) throws SQLException {
        SQLException last = null;
        for (String listing : listings) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(listing)) {
                List<Replica> replicas = new ArrayList<>();
                while (rs.next()) {
                    replicas.add(new Replica(rs.getLong("Server_id"), rs.getString("Host"), rs.getString("Port")));
                }
                return replicas;
            } catch (SQLException e) {
                if (e.getErrorCode() != PARSE_ERROR) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
