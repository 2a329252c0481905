package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.cdcrelay.config.SourceSettings;

/**
 * The checks of the source database, on one connection: login, binlog settings, table selection, the
 * user's privileges, the server id, the signal table of re-snapshots. Without a connection the others are listed as skipped.
 */
final class SourcePrecheck {

    static final String REACHABLE = "source reachable";

    /** What the source checks found; {@code capturedTables} is empty when the tables could not be read. */
    record Findings(List<CheckResult> results, Optional<List<String>> capturedTables) {
    }

    /** A check that reads the source and may fail on the way. */
    @FunctionalInterface
    private interface SqlCheck {
        CheckResult run() throws SQLException;
    }

    private final SourceSettings source;

    SourcePrecheck(SourceSettings source) {
        this.source = source;
    }

    Findings run() {
        List<CheckResult> results = new ArrayList<>();
        Connection connection;
        try {
            connection = source.connections().open();
        } catch (SQLException e) {
            results.add(loginFailed(e));
            for (String name : List.of(BinlogCheck.ENABLED, BinlogCheck.FORMAT, BinlogCheck.ROW_IMAGE,
                    SelectionCheck.NAME, PrivilegeCheck.NAME, ServerIdCheck.NAME, SignalTableCheck.NAME)) {
                results.add(CheckResult.skip(name, "needs the source connection"));
            }
            return new Findings(results, Optional.empty());
        }
        try {
            return checks(connection, results);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the checks are done; a connection that fails to close changes none of their results
            }
        }
    }

    private Findings checks(Connection c, List<CheckResult> results) {
        results.add(guarded(REACHABLE, () -> CheckResult.pass(REACHABLE, where() + " as " + source.user()
                + ", server " + version(c))));
        results.addAll(new BinlogCheck().run(c));
        SelectionCheck.Outcome selection = new SelectionCheck(source).run(c);
        results.add(selection.result());
        // the databases SELECT is needed in: those of the captured tables, and the ones named outright
        TreeSet<String> databases = new TreeSet<>(source.databases());
        selection.tables().ifPresent(tables -> tables.forEach(t -> databases.add(t.substring(0, t.indexOf('.')))));
        results.add(guarded(PrivilegeCheck.NAME, () -> new PrivilegeCheck().run(c, databases)));
        results.add(guarded(ServerIdCheck.NAME, () -> new ServerIdCheck(source.serverId()).run(c)));
        results.add(guarded(SignalTableCheck.NAME, () -> new SignalTableCheck(source.snapshot()).run(c)));
        return new Findings(results, selection.tables());
    }

    private CheckResult loginFailed(SQLException e) {
        // 28000 / 1045: the server answered and refused the account
        boolean refused = "28000".equals(e.getSQLState()) || e.getErrorCode() == 1045;
        if (refused) {
            return CheckResult.fail(REACHABLE, where() + " refused user " + source.user() + ": " + Problems.message(e),
                    "check relay.source.user and relay.source.password, and that the user may connect from this host");
        }
        return CheckResult.fail(REACHABLE, where() + " did not answer: " + Problems.message(e),
                "check relay.source.host and relay.source.port, and that the server listens there and accepts "
                        + "connections from this host");
    }

    private String where() {
        return source.host() + ":" + source.port();
    }

    private static String version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A query that fails (a privilege short of SHOW GRANTS, a server without the variable) fails that check only. */
    static CheckResult guarded(String name, SqlCheck check) {
        try {
            return check.run();
        } catch (SQLException e) {
            return unreadable(name, e);
        }
    }

    static CheckResult unreadable(String name, SQLException e) {
        return CheckResult.fail(name, "could not be read: " + Problems.message(e), "give relay.source.user the "
                + "privileges " + String.join(", ", Grants.REQUIRED) + " on *.*");
    }
}
