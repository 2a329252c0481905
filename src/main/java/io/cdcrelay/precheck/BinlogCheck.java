package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The binlog settings Debezium needs: the binlog on, in ROW format, with FULL row images (an UPDATE's
 * before image carries every column, which the key-change split and the formats' old values depend on).
 */
final class BinlogCheck {

    static final String ENABLED = "binlog enabled";
    static final String FORMAT = "binlog format";
    static final String ROW_IMAGE = "binlog row image";

    private static final String QUERY = "SELECT @@global.log_bin, @@global.binlog_format, @@global.binlog_row_image";

    List<CheckResult> run(Connection c) {
        String logBin;
        String format;
        String rowImage;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            logBin = rs.getString(1);
            format = rs.getString(2).toUpperCase(Locale.ROOT);
            rowImage = rs.getString(3).toUpperCase(Locale.ROOT);
        } catch (SQLException e) {
            return List.of(SourcePrecheck.unreadable(ENABLED, e), CheckResult.skip(FORMAT, "needs the binlog variables"),
                    CheckResult.skip(ROW_IMAGE, "needs the binlog variables"));
        }
        // log_bin is 1/0 on both servers through JDBC, ON/OFF in some clients
        boolean on = logBin.equals("1") || logBin.equalsIgnoreCase("ON");
        return List.of(
                on ? CheckResult.pass(ENABLED, "log_bin is ON")
                        : CheckResult.fail(ENABLED, "log_bin is OFF", "start the server with the binlog on (log_bin="
                                + "mysql-bin under [mysqld] in its configuration) and restart it"),
                format.equals("ROW") ? CheckResult.pass(FORMAT, format)
                        : CheckResult.fail(FORMAT, format, "set binlog_format=ROW in the server's configuration and "
                                + "restart it"),
                rowImage.equals("FULL") ? CheckResult.pass(ROW_IMAGE, rowImage)
                        : CheckResult.fail(ROW_IMAGE, rowImage, "set binlog_row_image=FULL in the server's "
                                + "configuration and restart it"));
    }
}
