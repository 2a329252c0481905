package io.cdcrelay.change;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/** The source server's version number ({@code 11.4.5} of {@code 11.4.5-MariaDB-log}), asked once, when first needed. */
public final class JdbcServerVersion implements Supplier<String> {

    private final SourceConnections source;
    private volatile String version;

    public JdbcServerVersion(SourceConnections source) {
        this.source = source;
    }

    @Override
    public String get() {
        String known = version;
        if (known == null) {
            known = query();
            version = known;
        }
        return known;
    }

    private String query() {
        try (Connection c = source.open();
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            String full = rs.getString(1);
            int dash = full.indexOf('-');
            return dash < 0 ? full : full.substring(0, dash);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the source's version: " + e.getMessage(), e);
        }
    }
}
