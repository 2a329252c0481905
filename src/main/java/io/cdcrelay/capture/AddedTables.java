package io.cdcrelay.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tables an operator added to the running relay ({@code POST /snapshot} of a table outside
 * {@code relay.source.databases} / {@code relay.source.tables}), one {@code db.table} a line in
 * {@code <relay.data-dir>/added-tables-<relay.source.name>.txt}. Debezium cannot widen its include lists while it
 * runs; the engine restarts with these tables added, and reads the file again at every start, so an addition
 * survives a restart of the relay. Removing a line (relay stopped) removes the table again.
 */
public final class AddedTables {

    private final Path file;
    private final Set<String> tables = new LinkedHashSet<>();

    public AddedTables(Path dataDir, String sourceName) {
        this.file = dataDir.toAbsolutePath().resolve("added-tables-" + sourceName + ".txt");
        if (Files.isRegularFile(file)) {
            try {
                Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(tables::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    public synchronized List<String> all() {
        return List.copyOf(tables);
    }

    public synchronized boolean contains(String database, String table) {
        return tables.contains(database + "." + table);
    }

    /** Adds the tables and writes the file (a new file moved into place) before returning. */
    public synchronized void add(Collection<String> added) throws IOException {
        Set<String> next = new LinkedHashSet<>(tables);
        next.addAll(added);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, next);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        tables.clear();
        tables.addAll(next);
    }

    Path file() {
        return file;
    }
}
