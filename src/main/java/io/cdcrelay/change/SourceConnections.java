package io.cdcrelay.change;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens JDBC connections to the source for the relay's own metadata queries (keys, columns, version). A relay that
 * follows a failover opens each one to the server it reads at that moment.
 */
public final class SourceConnections {

    /** Opens one connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;

    public SourceConnections(String jdbcUrl, String user, String password) {
        this(() -> DriverManager.getConnection(jdbcUrl, user, password));
    }

    public SourceConnections(Opener opener) {
        this.opener = opener;
    }

    public Connection open() throws SQLException {
        return opener.open();
    }
}
