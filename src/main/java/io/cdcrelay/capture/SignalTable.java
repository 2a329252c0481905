package io.cdcrelay.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.change.SourceConnections;

/**
 * Debezium's signal table ({@code relay.snapshot.signal-table}): the relay inserts an {@code execute-snapshot}
 * row there, which reaches Debezium through the binlog, in order with the changes around it; Debezium inserts its
 * chunk watermarks there during an incremental snapshot. Its shape is Debezium's: three string columns.
 */
public final class SignalTable {

    /** SQLSTATE of "table doesn't exist" (MariaDB and MySQL error 1146). */
    private static final String NO_SUCH_TABLE = "42S02";

    private final String table;
    private final ObjectMapper json = new ObjectMapper();

    /** @param table {@code db.table} */
    public SignalTable(String table) {
        this.table = table;
    }

    public String name() {
        return table;
    }

    /** The statement that creates it, as the precheck prints it for a user without CREATE. */
    public String createStatement() {
        return "CREATE TABLE IF NOT EXISTS " + quoted() + " (id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, "
                + "data VARCHAR(2048) NULL)";
    }

    /** The privileges the relay's user needs on it: the relay and Debezium insert, Debezium's watermarks delete. */
    public String grantStatement(String account) {
        return "GRANT SELECT, INSERT, DELETE ON " + quoted() + " TO " + account;
    }

    /**
     * Asks Debezium for an incremental snapshot of the tables ({@code db.table}). A signal table that is missing
     * (the precheck did not run, or it was dropped) is created first when the user may: its DDL reaches Debezium
     * through the binlog before the signal does.
     *
     * @return the signal's id
     */
    public String requestSnapshot(SourceConnections source, List<String> tables) throws SQLException {
        // a UUID, as Debezium's own watermark ids are: the id column is VARCHAR(42)
        String id = UUID.randomUUID().toString();
        try (Connection c = source.open()) {
            try {
                insert(c, id, tables);
            } catch (SQLException e) {
                if (!NO_SUCH_TABLE.equals(e.getSQLState())) {
                    throw e;
                }
                try (Statement create = c.createStatement()) {
                    create.execute(createStatement());
                }
                insert(c, id, tables);
            }
        }
        return id;
    }

    private void insert(Connection c, String id, List<String> tables) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + quoted() + " (id, type, data) VALUES (?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, "execute-snapshot");
            s.setString(3, payload(tables));
            s.executeUpdate();
        }
    }

    String payload(List<String> tables) {
        try {
            return json.writeValueAsString(new Payload(tables, "incremental"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Debezium's execute-snapshot payload; the field names are Debezium's. */
    private record Payload(@com.fasterxml.jackson.annotation.JsonProperty("data-collections") List<String> dataCollections,
            String type) {
    }

    private String quoted() {
        int dot = table.indexOf('.');
        return "`" + table.substring(0, dot) + "`.`" + table.substring(dot + 1) + "`";
    }
}
