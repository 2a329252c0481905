package io.cdcrelay.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Widens Debezium's {@code database.include.list} and {@code table.include.list} by whole tables (the signal table,
 * tables added while running) without capturing anything else: a table list is kept a table list, and a selection
 * of whole databases becomes one of {@code db\..*} entries once a table of another database joins.
 */
final class IncludeLists {

    static final String DATABASES = "database.include.list";
    static final String TABLES = "table.include.list";

    private IncludeLists() {
    }

    /** @param tables {@code db.table} names, matched exactly */
    static void widen(Properties engine, Collection<String> tables) {
        List<String> databases = split(engine.getProperty(DATABASES));
        List<String> tableList = split(engine.getProperty(TABLES));
        if (databases.isEmpty() && tableList.isEmpty()) {
            return;
        }
        Set<String> newDatabases = new LinkedHashSet<>(databases);
        Set<String> newTables = new LinkedHashSet<>(tableList);
        for (String table : tables) {
            String database = table.substring(0, table.indexOf('.'));
            boolean databaseCaptured = databases.isEmpty() || databases.contains(database);
            if (databaseCaptured && tableList.isEmpty()) {
                // the whole database is captured already
                continue;
            }
            if (!databases.isEmpty() && tableList.isEmpty() && newTables.isEmpty()) {
                databases.forEach(d -> newTables.add(Pattern.quote(d) + "\\..*"));
            }
            if (!databases.isEmpty()) {
                newDatabases.add(database);
            }
            newTables.add(Pattern.quote(database) + "\\." + Pattern.quote(table.substring(database.length() + 1)));
        }
        if (!newDatabases.isEmpty()) {
            engine.setProperty(DATABASES, String.join(",", newDatabases));
        }
        if (!newTables.isEmpty()) {
            engine.setProperty(TABLES, String.join(",", newTables));
        }
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(",")) {
                if (!entry.isBlank()) {
                    out.add(entry.trim());
                }
            }
        }
        return out;
    }
}
