package io.cdcrelay.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads keys from the source's {@code information_schema}, once per table. Debezium's key struct only
 * carries a primary key, so a table keyed by a unique index needs this.
 */
public final class JdbcKeyCatalog implements KeyCatalog {

    private static final String QUERY = """
            SELECT INDEX_NAME, COLUMN_NAME, NON_UNIQUE, NULLABLE
            FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
            ORDER BY INDEX_NAME, SEQ_IN_INDEX""";

    private final SourceConnections source;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    public JdbcKeyCatalog(SourceConnections source) {
        this.source = source;
    }

    @Override
    public List<String> keyColumns(String database, String table) {
        return cache.computeIfAbsent(database + "." + table, k -> load(database, table));
    }

    @Override
    public void invalidate(String database, String table) {
        cache.remove(database + "." + table);
    }

    private List<String> load(String database, String table) {
        Map<String, UniqueIndex> indexes = new LinkedHashMap<>();
        try (Connection c = source.open();
                PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, database);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt("NON_UNIQUE") != 0) {
                        continue;
                    }
                    UniqueIndex index = indexes.computeIfAbsent(rs.getString("INDEX_NAME"), UniqueIndex::new);
                    index.columns.add(rs.getString("COLUMN_NAME"));
                    index.nullable |= "YES".equalsIgnoreCase(rs.getString("NULLABLE"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the keys of " + database + "." + table + ": "
                    + e.getMessage(), e);
        }
        return chooseKey(indexes.values());
    }

    static List<String> chooseKey(Iterable<UniqueIndex> indexes) {
        List<UniqueIndex> candidates = new ArrayList<>();
        for (UniqueIndex index : indexes) {
            if (index.name.equals("PRIMARY")) {
                return List.copyOf(index.columns);
            }
            if (!index.nullable) {
                candidates.add(index);
            }
        }
        return candidates.stream()
                .min(Comparator.<UniqueIndex>comparingInt(i -> i.columns.size()).thenComparing(i -> i.name))
                .map(i -> List.copyOf(i.columns))
                .orElse(List.of());
    }

    static final class UniqueIndex {
        final String name;
        final List<String> columns = new ArrayList<>();
        boolean nullable;

        UniqueIndex(String name) {
            this.name = name;
        }
    }
}
