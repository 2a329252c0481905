package io.cdcrelay.change;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens JDBC connections to the source for the relay's own metadata queries (keys, columns, version). */
public final class SourceConnections {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public SourceConnections(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
