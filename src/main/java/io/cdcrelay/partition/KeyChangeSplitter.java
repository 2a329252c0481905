package io.cdcrelay.partition;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * An UPDATE that changes its hash key becomes a DELETE of the old key followed by an INSERT of the new one
 * ({@code relay.split-key-updates}), so the old key's partition learns the row left it before the new
 * key's partition sees it arrive. Debezium already does this for primary-key changes; this covers sharding
 * columns and unique keys. The connector's value is split the same way, for the Debezium format.
 */
public final class KeyChangeSplitter {

    private final PartitionKey keys;
    private final CommitSequence sequence;
    private final boolean enabled;

    /** @param enabled {@code relay.split-key-updates}; when false every change stays as it is */
    public KeyChangeSplitter(PartitionKey keys, CommitSequence sequence, boolean enabled) {
        this.keys = keys;
        this.sequence = sequence;
        this.enabled = enabled;
    }

    /** @return the change alone, or its DELETE and INSERT when it moved its row to another hash key */
    public List<ChangeEvent> split(ChangeEvent change) {
        if (!enabled || change.operation() != Operation.UPDATE || !keyChanged(change)) {
            return List.of(change);
        }
        // both parts keep the source change's place in its transaction; only the INSERT can be the last message
        TransactionInfo tx = change.transaction();
        ChangeEvent delete = new ChangeEvent(change.database(), change.table(), Operation.DELETE, change.before(),
                Map.of(), change.columnTypes(), change.keyColumns(), change.position(),
                new TransactionInfo(tx.id(), tx.sequence(), tx.size(), false),
                change.commitTime(), change.commitSequence(), change.snapshot(), "", envelope(change.origin(), "d"));
        ChangeEvent insert = new ChangeEvent(change.database(), change.table(), Operation.INSERT, Map.of(),
                change.after(), change.columnTypes(), change.keyColumns(), change.position(), change.transaction(),
                change.commitTime(), sequence.next(change.commitTime()), change.snapshot(), "",
                envelope(change.origin(), "c"));
        return List.of(delete, insert);
    }

    private boolean keyChanged(ChangeEvent change) {
        for (String column : keys.hashColumns(change)) {
            if (!Objects.deepEquals(change.before().get(column), change.after().get(column))) {
                return true;
            }
        }
        return false;
    }

    /** Debezium's envelope of the update as a delete ({@code d}: no after) or create ({@code c}: no before). */
    private static Object envelope(Object origin, String op) {
        if (!(origin instanceof Struct update)) {
            return origin;
        }
        Struct copy = new Struct(update.schema());
        for (Field f : update.schema().fields()) {
            copy.put(f, update.get(f));
        }
        copy.put("op", op);
        copy.put(op.equals("d") ? "after" : "before", null);
        return copy;
    }
}
