package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcrelay.config.SourceServer;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.config.SourceSettings.Flavor;
import io.cdcrelay.failover.ServerInspector;
import io.cdcrelay.failover.ServerStanding;

/**
 * With several servers in {@code relay.source.host}: one line per server saying whether the relay could continue
 * there after a failover. Each must answer, keep a ROW binlog with FULL images, carry the transactions it replicates
 * under their own GTIDs ({@code log_slave_updates} on MariaDB, {@code gtid_mode=ON} on MySQL) and have a
 * {@code server_id} of its own, neither another listed server's nor the relay's. The line also says what the server
 * is now (writable primary, read-only, replica), how long it keeps its binlog, and whether its binlog holds the
 * saved position: a replica behind it is not a wrong setting, only not a place to continue yet.
 */
final class FailoverServersCheck {

    static final String NAME = "failover server ";

    private final SourceSettings source;
    private final Optional<String> savedGtids;

    /** @param savedGtids the saved position's GTIDs, empty when none is saved */
    FailoverServersCheck(SourceSettings source, Optional<String> savedGtids) {
        this.source = source;
        this.savedGtids = savedGtids.filter(g -> !g.isBlank());
    }

    List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        if (!source.followsFailover()) {
            return results;
        }
        Map<Long, SourceServer> ids = new HashMap<>();
        ServerInspector inspector = new ServerInspector(source);
        for (SourceServer server : source.servers()) {
            results.add(check(server, inspector, ids));
        }
        return results;
    }

    private CheckResult check(SourceServer server, ServerInspector inspector, Map<Long, SourceServer> ids) {
        String name = NAME + server;
        try (Connection c = source.reading(server).connections().open()) {
            List<String> wrong = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            new BinlogCheck().run(c).stream().filter(r -> r.status() == CheckResult.Status.FAIL).forEach(r -> {
                wrong.add(r.name() + " " + r.detail());
                fixes.add(r.fix());
            });
            long serverId = number(c, "SELECT @@GLOBAL.server_id");
            SourceServer same = ids.putIfAbsent(serverId, server);
            if (same != null || serverId == source.serverId()) {
                wrong.add("server_id " + serverId + " is also " + (same != null ? same + "'s" : "relay.source.server-id"));
                fixes.add("give every server its own server_id, and relay.source.server-id one none of them uses");
            }
            if (source.flavor() == Flavor.MARIADB && number(c, "SELECT @@GLOBAL.log_slave_updates") == 0) {
                wrong.add("log_slave_updates is OFF");
                fixes.add("set log_slave_updates=ON on every listed server, so that a replica's binlog holds the "
                        + "primary's transactions under their GTIDs, and restart it");
            }
            String gtidMode = source.flavor() == Flavor.MYSQL ? text(c, "SELECT @@GLOBAL.gtid_mode") : "ON";
            if (!"ON".equalsIgnoreCase(gtidMode)) {
                wrong.add("gtid_mode is " + gtidMode);
                fixes.add("set gtid_mode=ON and enforce_gtid_consistency=ON on every listed server");
            }
            if (!wrong.isEmpty()) {
                return CheckResult.fail(name, String.join("; ", wrong), String.join("; ", fixes));
            }
            ServerStanding standing = inspector.inspect(server, savedGtids);
            return CheckResult.pass(name, role(standing) + ", server_id " + serverId + ", " + retention(c)
                    + (savedGtids.isEmpty() ? "" : standing.lacks().map(l -> "; cannot continue the saved position "
                            + "yet: " + l).orElse("; holds the saved GTIDs " + savedGtids.get())));
        } catch (SQLException e) {
            return CheckResult.fail(name, "did not answer: " + Problems.message(e), "check the entry " + server
                    + " of relay.source.host, and that the server accepts the relay's user from this host");
        }
    }

    private static String role(ServerStanding standing) {
        return standing.writablePrimary() ? "writable primary"
                : standing.replicating() ? "replica" + (standing.readOnly() ? " (read-only)" : "") : "read-only";
    }

    private static String retention(Connection c) {
        try {
            long seconds = number(c, "SELECT @@GLOBAL.binlog_expire_logs_seconds");
            return seconds == 0 ? "binlogs never expire" : "binlogs kept " + seconds + " s";
        } catch (SQLException e) {
            return "binlog retention unknown (" + Problems.message(e) + ")";
        }
    }

    private static long number(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
