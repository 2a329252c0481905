package io.cdcrelay.position;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the source says about its binlog, on one connection: the files it still has ({@code SHOW BINARY LOGS},
 * oldest first), how long it keeps them, and its clock. Shared by the start-timestamp locator and the retention
 * guard, so both see the same list.
 *
 * @param files            binlog file names, oldest first; empty when the binlog is off
 * @param retentionSeconds after how long the server may purge a file, 0 when it never does
 * @param serverNow        the server's clock, epoch seconds (binlog times are the server's)
 */
public record SourceBinlogs(List<String> files, long retentionSeconds, long serverNow) {

    /** MySQL and MariaDB's "Unknown system variable", for a server older than a variable. */
    private static final int UNKNOWN_VARIABLE = 1193;
    /** "You are not using binary logging". */
    private static final int NO_BINLOG = 1381;

    public SourceBinlogs {
        files = List.copyOf(files);
    }

    public static SourceBinlogs read(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long now = longOf(s, "SELECT UNIX_TIMESTAMP()");
            return new SourceBinlogs(files(s), retentionSeconds(s), now);
        }
    }

    /**
     * {@code binlog_expire_logs_seconds} (MySQL 8, MariaDB 10.6+) when set, else {@code expire_logs_days} (older
     * MariaDB; on MariaDB 10.6+ the two are one setting seen in two units). 0 in both means binlogs never expire.
     */
    static long retentionSeconds(double expireLogsSeconds, double expireLogsDays) {
        return expireLogsSeconds > 0 ? (long) expireLogsSeconds : Math.round(Math.max(0, expireLogsDays) * 86_400);
    }

    private static long retentionSeconds(Statement s) throws SQLException {
        return retentionSeconds(variable(s, "binlog_expire_logs_seconds"), variable(s, "expire_logs_days"));
    }

    private static double variable(Statement s, String name) throws SQLException {
        try {
            // expire_logs_days is a fraction of days on MariaDB 10.6+
            try (ResultSet rs = s.executeQuery("SELECT @@global." + name)) {
                rs.next();
                return rs.getDouble(1);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_VARIABLE) {
                return 0;
            }
            throw e;
        }
    }

    private static List<String> files(Statement s) throws SQLException {
        List<String> files = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_BINLOG) {
                throw e;
            }
        }
        return files;
    }

    private static long longOf(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
