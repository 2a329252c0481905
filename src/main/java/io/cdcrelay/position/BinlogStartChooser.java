package io.cdcrelay.position;

import java.util.function.IntToLongFunction;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.MariadbGtidSet;

/**
 * The pure part of {@link BinlogStartLocator}: which binlog file to read first, and, fed the events of the
 * binlog in order, the first transaction committed at or after a time.
 *
 * <p>A transaction's commit time is the timestamp of the event that ends it: the XID (or {@code COMMIT}) event
 * of a transaction, the statement itself for a DDL. MariaDB and MySQL write these when the transaction
 * commits, in whole seconds; the row events inside carry the start time of their statements instead.
 * Binlog times are whole seconds, so "at or after T" means "in T's second or later": a transaction committed
 * earlier in the same second as T is included (never one missed, at most one second too many).
 *
 * <p>A transaction starts at its GTID event (MariaDB's GTID event, MySQL's GTID or anonymous GTID event), or,
 * on servers that write none, at its {@code BEGIN} (or its only statement). The position handed on is that
 * event's, with the GTID set of everything before it, the position a replica would resume at.
 */
final class BinlogStartChooser {

    /** What the chooser needs of one binlog event. */
    enum Kind {
        /** The format description event that opens every file: its timestamp is the file's creation time. */
        FILE_START,
        /** MariaDB's GTID list or MySQL's previous-GTIDs event: the GTID set before this file. */
        GTID_SET,
        /** A GTID event; {@code detail} is the GTID ({@code domain-server-seq} or {@code uuid:n}), null when anonymous. */
        GTID,
        /** A {@code BEGIN} query. */
        BEGIN,
        /** The end of a transaction: XID, a {@code COMMIT} or {@code ROLLBACK} query, MySQL's transaction payload. */
        COMMIT,
        /** Any other query: a DDL (a transaction of its own) or a statement inside a transaction. */
        STATEMENT,
        /** Table maps, row events and whatever else happens inside a transaction or between them. */
        OTHER
    }

    /**
     * @param timestamp epoch seconds of the event header
     * @param detail    the GTID of a {@code GTID} event, the set of a {@code GTID_SET} event, else null
     * @param mariaDb   whether a {@code GTID_SET} event is MariaDB's (domain-server-sequence positions)
     */
    record Event(Kind kind, String file, long position, long timestamp, String detail, boolean mariaDb) {

        static Event of(Kind kind, String file, long position, long timestamp) {
            return new Event(kind, file, position, timestamp, null, false);
        }
    }

    /**
     * Where to start reading.
     *
     * @param gtids           the GTID set of everything before the position (MariaDB: the last GTID of each
     *                        domain), empty when the server writes none
     * @param commitTimestamp epoch seconds of the first transaction at or after the time, or -1 when there is
     *                        none yet and the position is the end of the binlog
     */
    record Position(String file, long position, String gtids, long commitTimestamp) {

        boolean atEnd() {
            return commitTimestamp < 0;
        }
    }

    private enum State { BETWEEN, AFTER_GTID, IN_TRANSACTION }

    private final long atSecond;
    private State state = State.BETWEEN;
    private GtidSet gtids;
    private String candidateFile;
    private long candidatePosition;
    private String candidateGtids;
    private Position chosen;

    /** @param atSecond the time to start at, in epoch seconds (binlog times are whole seconds) */
    BinlogStartChooser(long atSecond) {
        this.atSecond = atSecond;
    }

    /**
     * The index of the file to read first: the last file created before {@code atSecond}'s second, so that a
     * transaction committed in that second at the end of the previous file is not skipped; the first file when
     * {@code atSecond} is in the second it was created in; -1 when {@code atSecond} is older than every file.
     * Binary search: file creation times grow with the file number.
     *
     * @param startSecondOf the creation time of the file at an index, read from the file's first event
     */
    static int startFileIndex(int fileCount, IntToLongFunction startSecondOf, long atSecond) {
        if (fileCount == 0 || atSecond < startSecondOf.applyAsLong(0)) {
            return -1;
        }
        int low = 0;
        int high = fileCount - 1;
        int found = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (startSecondOf.applyAsLong(mid) < atSecond) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** @return true once the position is chosen: later events do not change it */
    boolean accept(Event e) {
        if (chosen != null) {
            return true;
        }
        switch (e.kind()) {
            case FILE_START -> state = State.BETWEEN;
            case GTID_SET -> gtids = e.mariaDb() ? new MariadbGtidSet(e.detail()) : new GtidSet(e.detail());
            case GTID -> {
                startCandidate(e);
                if (e.detail() != null && gtids != null) {
                    gtids.add(e.detail());
                }
                state = State.AFTER_GTID;
            }
            case BEGIN -> {
                if (state == State.BETWEEN) {
                    startCandidate(e);
                }
                state = State.IN_TRANSACTION;
            }
            case COMMIT -> end(e);
            case STATEMENT -> {
                if (state == State.BETWEEN) {
                    // a statement outside any transaction, on a server without GTID events
                    startCandidate(e);
                    end(e);
                } else if (state == State.AFTER_GTID) {
                    // GTID then a query that is not BEGIN: a DDL, its own transaction
                    end(e);
                }
            }
            case OTHER -> {
                if (state == State.AFTER_GTID) {
                    // MariaDB opens row transactions with the GTID event alone, no BEGIN
                    state = State.IN_TRANSACTION;
                }
            }
        }
        return chosen != null;
    }

    /** The chosen position, or, when no transaction at or after the time was read, the end given. */
    Position result(String endFile, long endPosition) {
        if (chosen != null) {
            return chosen;
        }
        return new Position(endFile, endPosition, gtids == null ? "" : gtids.toString(), -1);
    }

    private void startCandidate(Event e) {
        candidateFile = e.file();
        candidatePosition = e.position();
        candidateGtids = gtids == null ? "" : gtids.toString();
    }

    private void end(Event e) {
        if (candidateFile != null && e.timestamp() >= atSecond) {
            chosen = new Position(candidateFile, candidatePosition, candidateGtids, e.timestamp());
        }
        candidateFile = null;
        state = State.BETWEEN;
    }
}
