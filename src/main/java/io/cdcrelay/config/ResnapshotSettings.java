package io.cdcrelay.config;

import java.util.List;
import java.util.Optional;

/**
 * Re-snapshot on demand ({@code POST /snapshot}): Debezium's incremental snapshots need a signal table in the
 * source, into which the relay writes the request and Debezium its chunk watermarks.
 *
 * @param signalTable {@code relay.snapshot.signal-table} as {@code db.table}; empty when re-snapshots are off
 *                    ({@code none}, or no database to default to)
 * @param explicit    whether the key was set: then a signal table that cannot be used fails the precheck, while the
 *                    default only notes it
 * @param chunkSize   {@code relay.snapshot.chunk-size}: rows per chunk (Debezium's
 *                    {@code incremental.snapshot.chunk.size})
 */
public record ResnapshotSettings(Optional<String> signalTable, boolean explicit, int chunkSize) {

    /** The signal table's name in the default database. */
    static final String DEFAULT_NAME = "cdc_relay_signal";

    /**
     * The default signal table lives in the first database of {@code relay.source.databases}, or else in the
     * database of the first plainly named {@code relay.source.tables} entry; with neither, re-snapshots are off
     * until the key is set.
     */
    static ResnapshotSettings from(PropertyReader r, List<String> databases, List<String> tables) {
        int chunkSize = r.get(SourceKeys.SNAPSHOT_CHUNK_SIZE);
        Optional<String> set = r.find(SourceKeys.SIGNAL_TABLE);
        if (set.isPresent()) {
            return new ResnapshotSettings(set.filter(t -> !t.equals("none")), true, chunkSize);
        }
        Optional<String> database = databases.stream().findFirst().or(() -> tables.stream()
                .filter(t -> t.matches("[A-Za-z0-9_$]+\\..*")).map(t -> t.substring(0, t.indexOf('.'))).findFirst());
        return new ResnapshotSettings(database.map(d -> d + "." + DEFAULT_NAME), false, chunkSize);
    }

    /** Re-snapshots switched off. */
    public static ResnapshotSettings off() {
        return new ResnapshotSettings(Optional.empty(), false, SourceKeys.SNAPSHOT_CHUNK_SIZE.defaultParsed());
    }

    /** Whether {@code db.table} is the signal table, which the relay never sends on. */
    public boolean isSignalTable(String database, String table) {
        return signalTable.isPresent() && signalTable.get().equalsIgnoreCase(database + "." + table);
    }
}
