package io.cdcrelay.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The source's tables and columns, read from {@code information_schema} for the checks made at start. */
public final class SourceSchema {

    private static final String COLUMNS = """
            SELECT COLUMN_NAME FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION""";
    /** The server's own schemas, never captured. */
    private static final List<String> SYSTEM_DATABASES = List.of("mysql", "information_schema", "performance_schema", "sys");
    private static final String USER_TABLES = "FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' "
            + "AND TABLE_SCHEMA NOT IN ('" + String.join("', '", SYSTEM_DATABASES) + "')";
    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME " + USER_TABLES
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
    private static final String ROWS = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS " + USER_TABLES;

    private final SourceConnections source;

    public SourceSchema(SourceConnections source) {
        this.source = source;
    }

    public static boolean isSystemDatabase(String database) {
        return SYSTEM_DATABASES.contains(database);
    }

    /** The table's columns in table order; empty when there is no such table. */
    public List<String> columnsOf(String database, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = source.open(); PreparedStatement s = c.prepareStatement(COLUMNS)) {
            s.setString(1, database);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Every user table as {@code db.table}. */
    public List<String> tables() throws SQLException {
        try (Connection c = source.open()) {
            return tables(c);
        }
    }

    /** Every user table as {@code db.table}, read on a connection the caller holds. */
    public static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(TABLES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return out;
    }

    /** Every user table as {@code db.table} with the server's row estimate (InnoDB's is approximate). */
    public Map<String, Long> estimatedRows() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = source.open(); PreparedStatement s = c.prepareStatement(ROWS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
            }
        }
        return out;
    }
}
