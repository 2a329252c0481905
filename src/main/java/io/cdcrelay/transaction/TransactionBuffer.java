package io.cdcrelay.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Holds the changes of the open transaction until its END marker says how many there are, then releases
 * them with their size and the last one marked. A transaction longer than {@code chunkSize} changes is
 * released a chunk at a time (size still unknown), so memory stays bounded whatever the transaction's size.
 * Records outside any transaction (snapshot rows, DDL) pass straight through. Used by one thread.
 */
public final class TransactionBuffer<T> {

    /**
     * What a record is, for the buffer. A STATEMENT (DDL, TRUNCATE) is a transaction of its own: MySQL commits
     * before and after it, and MariaDB's binlog gives it no commit event, so its END marker would only come
     * with the next transaction.
     */
    public enum Kind { BEGIN, END, CHANGE, STATEMENT }

    private final int chunkSize;
    private final Function<T, Kind> kind;
    private final Function<T, Long> eventCount;
    private final List<T> held = new ArrayList<>();
    private boolean open;
    private int heldChanges;
    private boolean chunked;

    /**
     * @param kind       tells markers from changes
     * @param eventCount the number of changes an END marker reports
     */
    public TransactionBuffer(int chunkSize, Function<T, Kind> kind, Function<T, Long> eventCount) {
        this.chunkSize = chunkSize;
        this.kind = kind;
        this.eventCount = eventCount;
    }

    /** @return the records released by this one, in stream order; empty while it is held */
    public List<Released<T>> offer(T record) {
        switch (kind.apply(record)) {
            case BEGIN -> {
                List<Released<T>> out = open ? releaseHeld(0, false) : new ArrayList<>();
                open = true;
                chunked = false;
                held.add(record);
                return out;
            }
            case END -> {
                if (!open) {
                    return List.of(new Released<>(record, 0, false, false));
                }
                held.add(record);
                // a transaction released in chunks has an END count that covers them all; the size is only
                // trustworthy when the whole transaction was held together
                List<Released<T>> out = releaseHeld(chunked ? 0 : eventCount.apply(record), true);
                open = false;
                return out;
            }
            case STATEMENT -> {
                List<Released<T>> out = open ? releaseHeld(0, false) : new ArrayList<>();
                open = false;
                out.add(new Released<>(record, 1, true, true));
                return out;
            }
            default -> {
                if (!open) {
                    return List.of(new Released<>(record, 0, false, true));
                }
                held.add(record);
                heldChanges++;
                if (heldChanges >= chunkSize) {
                    chunked = true;
                    return releaseHeld(0, false);
                }
                return List.of();
            }
        }
    }

    /** How many records, markers included, are held: always the newest ones offered. */
    public int heldCount() {
        return held.size();
    }

    private List<Released<T>> releaseHeld(long size, boolean ended) {
        List<Released<T>> out = new ArrayList<>(held.size());
        int lastChange = -1;
        if (ended) {
            for (int i = held.size() - 1; i >= 0; i--) {
                if (kind.apply(held.get(i)) == Kind.CHANGE) {
                    lastChange = i;
                    break;
                }
            }
        }
        for (int i = 0; i < held.size(); i++) {
            T r = held.get(i);
            boolean change = kind.apply(r) == Kind.CHANGE;
            out.add(new Released<>(r, change ? size : 0, i == lastChange, change));
        }
        held.clear();
        heldChanges = 0;
        return out;
    }
}
