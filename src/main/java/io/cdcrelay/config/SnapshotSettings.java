package io.cdcrelay.config;

import java.util.List;
import java.util.Optional;

/**
 * {@code relay.snapshot.*}: how tables are read whole. The initial snapshot reads {@code maxThreads} tables at once.
 * A re-snapshot on demand ({@code POST /snapshot}) is Debezium's incremental snapshot, which needs a signal table in
 * the source, into which the relay writes the request and Debezium its chunk watermarks.
 *
 * @param signalTable {@code relay.snapshot.signal-table} as {@code db.table}; empty when re-snapshots are off
 *                    ({@code none}, or no database to default to)
 * @param explicit    whether the key was set: then a signal table that cannot be used fails the precheck, while the
 *                    default only notes it
 * @param chunkSize   {@code relay.snapshot.chunk-size}: rows per chunk (Debezium's
 *                    {@code incremental.snapshot.chunk.size})
 * @param maxThreads  {@code relay.snapshot.max-threads}: tables the initial snapshot reads at once (Debezium's
 *                    {@code snapshot.max.threads}; one thread reads one table)
 */
public record SnapshotSettings(Optional<String> signalTable, boolean explicit, int chunkSize, int maxThreads) {

    /** The signal table's name in the default database. */
    static final String DEFAULT_NAME = "cdc_relay_signal";

    /**
     * The default signal table lives in the first database of {@code relay.source.databases}, or else in the
     * database of the first plainly named {@code relay.source.tables} entry; with neither, re-snapshots are off
     * until the key is set.
     */
    static SnapshotSettings from(PropertyReader r, List<String> databases, List<String> tables) {
        int chunkSize = r.get(SourceKeys.SNAPSHOT_CHUNK_SIZE);
        int maxThreads = r.get(SourceKeys.SNAPSHOT_MAX_THREADS);
        Optional<String> set = r.find(SourceKeys.SIGNAL_TABLE);
        if (set.isPresent()) {
            return new SnapshotSettings(set.filter(t -> !t.equals("none")), true, chunkSize, maxThreads);
        }
        Optional<String> database = databases.stream().findFirst().or(() -> tables.stream()
                .filter(t -> t.matches("[A-Za-z0-9_$]+\\..*")).map(t -> t.substring(0, t.indexOf('.'))).findFirst());
        return new SnapshotSettings(database.map(d -> d + "." + DEFAULT_NAME), false, chunkSize, maxThreads);
    }

    /** Re-snapshots switched off. */
    public static SnapshotSettings off() {
        return new SnapshotSettings(Optional.empty(), false, SourceKeys.SNAPSHOT_CHUNK_SIZE.defaultParsed(),
                SourceKeys.SNAPSHOT_MAX_THREADS.defaultParsed());
    }

    /** Whether {@code db.table} is the signal table, which the relay never sends on. */
    public boolean isSignalTable(String database, String table) {
        return signalTable.isPresent() && signalTable.get().equalsIgnoreCase(database + "." + table);
    }
}
