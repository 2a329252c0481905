package io.cdcrelay.position;

import java.util.Map;
import java.util.Objects;

/**
 * Whether one binlog change's {@link ResumePoint} is provably not after another's: the test an exactly-once sink
 * uses to recognize a change the source sends a second time (a binlog client that reconnects inside a transaction
 * reads it again from its beginning, and Debezium gives its rows again, with the same offsets).
 *
 * <p>What is comparable, and why. Debezium's MySQL and MariaDB offset of a row read inside a transaction is the
 * restart point of that transaction plus counters into it: {@code file} and {@code pos} of the transaction's
 * beginning, {@code gtids} the GTID set completed before it, {@code event} the events of the transaction already
 * done and {@code row} the rows of the current event done including this one (the last row of an event has
 * {@code row} = the event's row count, the next event's first row {@code event + 1, row 1}). So within one server
 * partition and one {@code file}, with equal {@code gtids}, ({@code pos}, {@code event}, {@code row}) grows
 * strictly from row to row, and a row given again has the very same triple. Without GTIDs ({@code gtids} absent on
 * both) {@code pos} also orders the transactions of one file.
 *
 * <p>Everything else answers "not provably before", so the change is sent: another {@code file} (a server
 * rotates files, but after a failover a file of the same name on another server means something else, and a
 * transaction never spans two files), other {@code gtids} (a GTID set is only partly ordered, and after a
 * failover the same set sits at another file and position), a snapshot offset (every row of a snapshot carries
 * the same one), and offsets without these fields. {@code ts_sec}, {@code server_id}, transaction metadata and
 * incremental snapshot keys are ignored: they do not place a row. A wrong "not after" would lose a change, a
 * wrong "after" only repeats one, so the test is strict where it drops and loose everywhere else. Callers also
 * keep rows of snapshots and DDL out of it (several DDL records can share the offset of one statement).
 *
 * <p>The two halves of a primary-key UPDATE (Debezium's DELETE and CREATE, or the relay's split of
 * {@code relay.split-key-updates}) share one offset: the first half's point is incomplete, and it comes before the
 * complete one at the same offset. Without that last rank the CREATE was taken for its DELETE sent again and
 * dropped (KillSoakIT lost key moves under exactly-once).
 *
 * <p>It trusts the counters no further than Debezium does: a connector restarted at such an offset skips
 * {@code event} events and {@code row} rows of that transaction, whichever server it reads it from. Requiring
 * the same {@code file} as well keeps a failover to a server whose binlog has other positions out of it.
 */
public final class BinlogOrder {

    private static final String FILE = "file";
    private static final String POS = "pos";
    private static final String GTIDS = "gtids";
    private static final String EVENT = "event";
    private static final String ROW = "row";
    private static final String SNAPSHOT = "snapshot";

    private BinlogOrder() {
    }

    /**
     * @return true only when {@code candidate} is at or before {@code last} in the same binlog: the source read it
     *         before, or reads it again; false when it is after, or when the two cannot be ordered
     */
    public static boolean notAfter(ResumePoint candidate, ResumePoint last) {
        if (candidate == null || last == null || !Objects.equals(candidate.partition(), last.partition())) {
            return false;
        }
        Map<String, ?> c = candidate.offset();
        Map<String, ?> l = last.offset();
        if (c.containsKey(SNAPSHOT) || l.containsKey(SNAPSHOT)) {
            return false;
        }
        Object file = c.get(FILE);
        if (!(file instanceof String) || !file.equals(l.get(FILE)) || !Objects.equals(c.get(GTIDS), l.get(GTIDS))) {
            return false;
        }
        long[] cPlace = place(c, candidate.complete());
        long[] lPlace = place(l, last.complete());
        if (cPlace == null || lPlace == null) {
            return false;
        }
        for (int i = 0; i < cPlace.length; i++) {
            if (cPlace[i] != lPlace[i]) {
                return cPlace[i] < lPlace[i];
            }
        }
        return true;
    }

    /**
     * ({@code pos}, {@code event}, {@code row}, half), the half 0 for the first of a key update's two changes and 1
     * for every other; null when the offset does not hold them as numbers.
     */
    private static long[] place(Map<String, ?> offset, boolean complete) {
        if (!(offset.get(POS) instanceof Number pos)) {
            return null;
        }
        // Debezium leaves out event and row while they are 0; JSON reads back Longs where Debezium wrote Integers
        Object event = offset.get(EVENT);
        Object row = offset.get(ROW);
        if (event != null && !(event instanceof Number) || row != null && !(row instanceof Number)) {
            return null;
        }
        return new long[] {pos.longValue(), event == null ? 0 : ((Number) event).longValue(),
                row == null ? 0 : ((Number) row).longValue(), complete ? 1 : 0};
    }
}
