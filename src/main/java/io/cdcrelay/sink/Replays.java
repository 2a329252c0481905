package io.cdcrelay.sink;

import java.util.concurrent.atomic.LongAdder;

import io.cdcrelay.change.Operation;
import io.cdcrelay.position.BinlogOrder;
import io.cdcrelay.position.ResumePoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognizes, for {@link TransactionalKafkaSink}, a binlog row the source sends a second time: a binlog client
 * that reconnects inside a transaction reads it again from its beginning, and Debezium gives its rows again with
 * the same offsets. Under at-least-once they arrive twice; a Kafka transaction would commit them twice.
 *
 * <p>A row whose position is not after that of the last row committed is answered at once: it is stored, and
 * its acknowledgement lets the source's position move on. One not after the last row of the open transaction
 * settles with that transaction, whose copy of it is stored only if it commits. Nothing new is dropped: what
 * {@link BinlogOrder} cannot order is sent. Used by the sink's thread only, except {@link #dropped()}.
 */
final class Replays {

    /** What a message is to the sink. */
    enum Verdict {
        /** To send. */
        NEW,
        /** Sent again by the source, and committed already. */
        COMMITTED,
        /** Sent again by the source while the open transaction holds it. */
        OPEN
    }

    private static final Logger LOG = LoggerFactory.getLogger(Replays.class);

    private final LongAdder dropped = new LongAdder();
    /** Of the last binlog row committed; null before the first. */
    private ResumePoint committed;

    /**
     * Whether the message's position places it among the source's binlog rows: not a heartbeat (no position), a
     * snapshot row (a snapshot's rows share one position) or DDL (one statement can give several records at one
     * position).
     */
    static boolean ordered(Outgoing message) {
        if (message.resumeAt() == null || message.change().snapshot()) {
            return false;
        }
        Operation op = message.change().operation();
        return op == Operation.INSERT || op == Operation.UPDATE || op == Operation.DELETE;
    }

    /** @param open the open transaction, or null */
    Verdict judge(Outgoing message, OpenTransaction open) {
        if (!ordered(message)) {
            return Verdict.NEW;
        }
        if (BinlogOrder.notAfter(message.resumeAt(), committed)) {
            return drop(message, Verdict.COMMITTED);
        }
        if (open != null && BinlogOrder.notAfter(message.resumeAt(), open.lastRow())) {
            return drop(message, Verdict.OPEN);
        }
        return Verdict.NEW;
    }

    /** {@code transaction} committed: its last row is where the source has been. */
    void committed(OpenTransaction transaction) {
        if (transaction.lastRow() != null) {
            committed = transaction.lastRow();
        }
    }

    /** Rows dropped as sent again, since the sink started. */
    long dropped() {
        return dropped.sum();
    }

    private Verdict drop(Outgoing message, Verdict verdict) {
        dropped.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Not sending again a change the source sent twice ({} {}.{} at {}); {}",
                    message.change().operation(), message.change().database(), message.change().table(),
                    message.resumeAt().offset(), verdict == Verdict.COMMITTED ? "it is committed"
                            : "it is in the open Kafka transaction");
        }
        return verdict;
    }
}
