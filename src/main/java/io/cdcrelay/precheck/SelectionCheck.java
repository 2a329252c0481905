package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import io.cdcrelay.change.SourceSchema;
import io.cdcrelay.config.SourceSettings;

/**
 * Whether {@code relay.source.databases} and {@code relay.source.tables} select something that exists: a
 * misspelt name otherwise makes a relay that runs, healthy and idle, forever.
 */
final class SelectionCheck {

    static final String NAME = "selected tables";

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
            allTables = SourceSchema.tables(c);
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
                    + "the server has " + Listing.some(databases.stream().filter(d -> !SourceSchema.isSystemDatabase(d)).toList())),
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

    private static List<String> databases(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW DATABASES")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
