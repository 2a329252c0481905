package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.cdcrelay.capture.SignalTable;
import io.cdcrelay.config.SnapshotSettings;

/**
 * Whether the signal table of re-snapshots ({@code relay.snapshot.signal-table}) exists, creating it when the
 * relay's user may. Re-snapshots are optional: only a signal table set outright fails the check; the default one
 * that cannot be made is noted with the statement to run.
 */
final class SignalTableCheck {

    static final String NAME = "signal table";

    private final SnapshotSettings settings;

    SignalTableCheck(SnapshotSettings settings) {
        this.settings = settings;
    }

    CheckResult run(Connection c) throws SQLException {
        if (settings.signalTable().isEmpty()) {
            return CheckResult.pass(NAME, settings.explicit() ? "none (relay.snapshot.signal-table=none): re-snapshots "
                    + "are off" : "none: no database to default to, re-snapshots are off until "
                    + "relay.snapshot.signal-table is set");
        }
        SignalTable table = new SignalTable(settings.signalTable().get());
        if (exists(c, table.name())) {
            return CheckResult.pass(NAME, table.name() + " (the user needs SELECT, INSERT and DELETE on it)");
        }
        try (Statement s = c.createStatement()) {
            s.execute(table.createStatement());
            return CheckResult.pass(NAME, table.name() + " created");
        } catch (SQLException e) {
            String sentence = table.name() + " does not exist and could not be created (" + Problems.message(e) + ")";
            String fix = "run " + table.createStatement() + "; and " + table.grantStatement(account(c));
            if (settings.explicit()) {
                return CheckResult.fail(NAME, sentence, fix);
            }
            return CheckResult.pass(NAME, sentence + "; re-snapshots (POST /snapshot) fail until you " + fix);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        int dot = table.indexOf('.');
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, table.substring(0, dot));
            s.setString(2, table.substring(dot + 1));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String account(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            return PrivilegeCheck.quoted(rs.getString(1));
        }
    }
}
