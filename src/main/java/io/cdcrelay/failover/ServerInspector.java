package io.cdcrelay.failover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.cdcrelay.config.SourceServer;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.config.SourceSettings.Flavor;

/**
 * Asks a listed server what it is ({@link ServerStanding}) with the relay's user. MariaDB names its GTID state
 * {@code gtid_binlog_state} and tells the start of a binlog file by {@code BINLOG_GTID_POS}; MySQL keeps
 * {@code gtid_executed} and {@code gtid_purged} and compares sets with {@code GTID_SUBSET}.
 */
public final class ServerInspector {

    private final SourceSettings source;

    public ServerInspector(SourceSettings source) {
        this.source = source;
    }

    /**
     * @param savedGtids the GTIDs of the saved position; empty when nothing is saved yet, and then nothing is lacked
     */
    public ServerStanding inspect(SourceServer server, Optional<String> savedGtids) {
        try (Connection c = source.reading(server).connections().open()) {
            boolean readOnly = readOnly(c);
            boolean replicating = replicating(c);
            Optional<String> lacks = savedGtids.isEmpty() ? Optional.empty()
                    : source.flavor() == Flavor.MARIADB ? mariaDbLacks(c, savedGtids.get()) : mySqlLacks(c, savedGtids.get());
            return new ServerStanding(server, Optional.empty(), readOnly, replicating, lacks);
        } catch (SQLException e) {
            return ServerStanding.unreachable(server, e.getMessage());
        }
    }

    private static boolean readOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@GLOBAL.read_only")) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    /** MariaDB 10.5.1+ and MySQL 8.0.22+ spell it so; both list one row per source a replica follows. */
    private static boolean replicating(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW REPLICA STATUS")) {
            return rs.next();
        }
    }

    private static Optional<String> mariaDbLacks(Connection c, String saved) throws SQLException {
        String state = single(c, "SELECT @@GLOBAL.gtid_binlog_state");
        String oldest;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            if (!rs.next()) {
                return Optional.of("its binlog is off (SHOW BINARY LOGS lists no file)");
            }
            oldest = rs.getString(1);
        }
        String purged;
        try (PreparedStatement p = c.prepareStatement("SELECT BINLOG_GTID_POS(?, 4)")) {
            p.setString(1, oldest);
            try (ResultSet rs = p.executeQuery()) {
                purged = rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
        return MariaDbGtids.lacks(saved, state, purged);
    }

    private static Optional<String> mySqlLacks(Connection c, String saved) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT GTID_SUBSET(?, @@GLOBAL.gtid_executed), GTID_SUBSET(@@GLOBAL.gtid_purged, ?), "
                        + "@@GLOBAL.gtid_executed, @@GLOBAL.gtid_purged")) {
            p.setString(1, saved);
            p.setString(2, saved);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return Optional.of("its gtid_executed " + rs.getString(3) + " does not hold the saved GTIDs " + saved);
                }
                if (rs.getInt(2) == 0) {
                    return Optional.of("its gtid_purged " + rs.getString(4) + " goes beyond the saved GTIDs " + saved
                            + ", so transactions after them were purged");
                }
                return Optional.empty();
            }
        }
    }

    private static String single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }
}
