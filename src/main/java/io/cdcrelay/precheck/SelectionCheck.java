package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import io.cdcrelay.config.SourceSettings;

/**
 * Whether {@code relay.source.databases} and {@code relay.source.tables} select something that exists: a
 * misspelt name otherwise makes a relay that runs, healthy and idle, forever.
 */
final class SelectionCheck {

    static final String NAME = "selected tables";

    private static final String TABLES = """
            SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES
            WHERE TABLE_TYPE = 'BASE TABLE'
              AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
            ORDER BY TABLE_SCHEMA, TABLE_NAME""";

    /** @param tables the captured tables as {@code db.table}; empty when they could not be read */
    record Outcome(CheckResult result, Optional<List<String>> tables) {
    }

    private final SourceSettings source;

    SelectionCheck(SourceSettings source) {
        this.source = source;
    }

    Outcome run(Connection c) {
        List<String> databases;
        List<String> allTables;
        try {
            databases = databases(c);
            allTables = tables(c);
        } catch (SQLException e) {
            return new Outcome(SourcePrecheck.unreadable(NAME, e), Optional.empty());
        }
        List<String> captured = new ArrayList<>();
        for (String table : allTables) {
            int dot = table.indexOf('.');
            try {
                if (source.captures(table.substring(0, dot), table.substring(dot + 1))) {
                    captured.add(table);
                }
            } catch (PatternSyntaxException e) {
                return new Outcome(CheckResult.fail(NAME, "relay.source.tables holds " + e.getPattern()
                        + ", which is not a regular expression (" + e.getDescription() + ")",
                        "correct relay.source.tables"), Optional.empty());
            }
        }
        List<String> missingDatabases = source.databases().stream().filter(d -> !databases.contains(d)).toList();
        if (!missingDatabases.isEmpty()) {
            return new Outcome(CheckResult.fail(NAME, "relay.source.databases names " + String.join(", ", missingDatabases)
                    + ", which the server does not have (or the user cannot see)", "correct relay.source.databases; "
                    + "the server has " + Listing.some(databases.stream().filter(d -> !isSystem(d)).toList())),
                    Optional.of(captured));
        }
        List<String> unmatched = source.tables().stream()
                .filter(pattern -> captured.stream().noneMatch(t -> t.matches(pattern))).toList();
        if (!unmatched.isEmpty()) {
            return new Outcome(CheckResult.fail(NAME, "relay.source.tables entry " + String.join(", ", unmatched)
                    + " matches no table" + (source.databases().isEmpty() ? "" : " of " + String.join(", ",
                    source.databases())), "correct relay.source.tables: db.table, regular expressions allowed"),
                    Optional.of(captured));
        }
        String where = source.databases().isEmpty() ? "" : " in " + String.join(", ", source.databases());
        return new Outcome(CheckResult.pass(NAME, captured.size() + (captured.size() == 1 ? " table" : " tables")
                + where + (captured.isEmpty() ? " yet" : ": " + Listing.some(captured))), Optional.of(captured));
    }

    private static boolean isSystem(String database) {
        return List.of("mysql", "information_schema", "performance_schema", "sys").contains(database);
    }

    private static List<String> databases(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW DATABASES")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return out;
    }
}
