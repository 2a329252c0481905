package io.cdcrelay.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cdcrelay.change.KeyCatalog;
import io.cdcrelay.change.SourceSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of the settings that need the source's schema, made once at start: sharding and selected
 * columns must exist, tables without any key are named in a warning, and the column selection becomes
 * Debezium's column exclude list.
 */
public final class SourceChecks {

    private static final Logger LOG = LoggerFactory.getLogger(SourceChecks.class);

    private final SourceSettings source;
    private final PartitioningSettings partitioning;
    private final SourceSchema schema;
    private final KeyCatalog keys;

    public SourceChecks(SourceSettings source, PartitioningSettings partitioning, SourceSchema schema, KeyCatalog keys) {
        this.source = source;
        this.partitioning = partitioning;
        this.schema = schema;
        this.keys = keys;
    }

    /** @throws SettingsException naming the first sharding or selected column that does not exist */
    public void verifyColumns() {
        requireColumns("relay.sharding-columns.", partitioning.shardingColumns());
        requireColumns("relay.columns.", source.columns());
    }

    private void requireColumns(String prefix, Map<String, List<String>> byTable) {
        byTable.forEach((table, wanted) -> {
            List<String> actual = columnsOf(prefix + table, table);
            if (actual.isEmpty()) {
                throw new SettingsException(prefix + table + " names a table the source does not have: check the "
                        + "database and table name.");
            }
            for (String column : wanted) {
                if (!actual.contains(column)) {
                    throw new SettingsException(prefix + table + " names column " + column + ", which " + table
                            + " does not have: use some of " + String.join(", ", actual) + ".");
                }
            }
        });
    }

    /** Names, in one warning, the captured tables hashed by their whole row because they have no key. */
    public void warnAboutTablesWithoutKey() {
        try {
            List<String> keyless = new ArrayList<>();
            for (String table : schema.tables()) {
                String[] dbTable = table.split("\\.", 2);
                if (source.captures(dbTable[0], dbTable[1]) && partitioning.shardingColumnsOf(dbTable[0], dbTable[1]).isEmpty()
                        && keys.keyColumns(dbTable[0], dbTable[1]).isEmpty()) {
                    keyless.add(table);
                }
            }
            if (!keyless.isEmpty()) {
                LOG.warn("Tables without a primary key, non-null unique key or relay.sharding-columns are hashed by "
                        + "their whole row, so their changes have no per-row order: {}", String.join(", ", keyless));
            }
        } catch (SQLException | IllegalStateException e) {
            LOG.warn("Could not look for tables without a key: {}", e.getMessage());
        }
    }

    /**
     * {@code relay.columns.<db>.<table>} as Debezium's {@code column.exclude.list}: for each such table, a
     * regular expression matching every column but the selected, key and sharding ones (columns added later
     * are excluded too).
     */
    public Optional<String> columnExcludeList() {
        if (source.columns().isEmpty()) {
            return Optional.empty();
        }
        List<String> patterns = new ArrayList<>();
        source.columns().forEach((table, selected) -> {
            String[] dbTable = table.split("\\.", 2);
            Set<String> kept = new LinkedHashSet<>(selected);
            kept.addAll(keys.keyColumns(dbTable[0], dbTable[1]));
            kept.addAll(partitioning.shardingColumnsOf(dbTable[0], dbTable[1]));
            String alternatives = kept.stream().map(Pattern::quote).collect(Collectors.joining("|"));
            patterns.add(Pattern.quote(dbTable[0]) + "\\." + Pattern.quote(dbTable[1]) + "\\.(?!(?:" + alternatives
                    + ")$).+");
        });
        return Optional.of(String.join(",", patterns));
    }


    private List<String> columnsOf(String key, String table) {
        String[] dbTable = table.split("\\.", 2);
        try {
            return schema.columnsOf(dbTable[0], dbTable[1]);
        } catch (SQLException e) {
            throw new SettingsException(key + " cannot be checked because the source at " + source.host() + ":"
                    + source.port() + " does not answer (" + e.getMessage() + "): check relay.source.*.", e);
        }
    }
}
