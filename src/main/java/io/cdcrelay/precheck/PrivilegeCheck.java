package io.cdcrelay.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The source user's privileges, read from {@code SHOW GRANTS FOR CURRENT_USER()}. The grant lines are never
 * printed: MariaDB's carry the password hash.
 */
final class PrivilegeCheck {

    static final String NAME = "source privileges";

    /** @param databases the databases the relay reads tables of, where a database-level SELECT suffices */
    CheckResult run(Connection c, Collection<String> databases) throws SQLException {
        String account = currentUser(c);
        Grants grants = Grants.parse(grantLines(c));
        List<String> missing = grants.missing(databases);
        if (missing.isEmpty()) {
            return CheckResult.pass(NAME, account + " has " + (grants.allGlobal() ? "ALL PRIVILEGES on *.*"
                    : String.join(", ", Grants.REQUIRED)));
        }
        String roles = grants.roles().isEmpty() ? "" : " (privileges held through the roles "
                + String.join(", ", grants.roles()) + " are not seen by this check: grant them to the user itself)";
        return CheckResult.fail(NAME, account + " lacks " + String.join(", ", missing) + roles,
                "GRANT " + String.join(", ", missing) + " ON *.* TO " + quoted(account) + ";");
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> grantLines(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** {@code relay@%} as the GRANT statement wants it: {@code 'relay'@'%'}. */
    static String quoted(String account) {
        int at = account.lastIndexOf('@');
        return at < 0 ? "'" + account + "'" : "'" + account.substring(0, at) + "'@'" + account.substring(at + 1) + "'";
    }
}
