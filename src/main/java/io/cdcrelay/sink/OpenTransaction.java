package io.cdcrelay.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.cdcrelay.position.ResumePoint;

/**
 * The Kafka transaction {@link TransactionalKafkaSink} is filling: the changes in it, who to tell when it
 * ends, the resume point of its last change, and whether it may be committed now. Used by the sink's thread,
 * except {@link #failed}, which the producer's I/O thread calls.
 */
final class OpenTransaction {

    private final TransactionalKafkaSink.Commits commits;
    private final long begunNanos;
    private final List<Consumer<Throwable>> dones = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private ResumePoint resumeAt;
    private ResumePoint lastRow;
    private long lastSession;
    /** Source changes since the last one that ended its source transaction (rule One). */
    private int sinceBoundary;
    /** The last change is in by part only: committing now would store half of it. */
    private boolean partial;

    OpenTransaction(TransactionalKafkaSink.Commits commits, long begunNanos) {
        this.commits = commits;
        this.begunNanos = begunNanos;
    }

    void add(Outgoing message, Consumer<Throwable> done) {
        dones.add(done);
        ResumePoint at = message.resumeAt();
        if (at == null) {
            return;
        }
        lastSession = Math.max(lastSession, at.session());
        // a key split's DELETE: its INSERT completes the UPDATE, its position and, maybe, its source transaction
        partial = !at.complete();
        if (at.complete()) {
            resumeAt = at;
            sinceBoundary = message.endsTransaction() ? 0 : sinceBoundary + 1;
            if (Replays.ordered(message)) {
                lastRow = at;
            }
        }
    }

    /**
     * A change the source sent again while this transaction holds it: nothing is sent, and {@code done} is told
     * with this transaction's outcome. Its session is refused with the others if the transaction fails.
     */
    void join(Consumer<Throwable> done, long session) {
        dones.add(done);
        lastSession = Math.max(lastSession, session);
    }

    /** A copy the broker refused; null (a stored copy) is ignored. */
    void failed(Throwable error) {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
    }

    Throwable failure() {
        return failure.get();
    }

    /** Where the source resumes after this transaction's last change; null when it holds heartbeats only. */
    ResumePoint resumeAt() {
        return resumeAt;
    }

    /** The position of its last binlog row ({@link Replays#ordered}); null when it holds none. */
    ResumePoint lastRow() {
        return lastRow;
    }

    /** The highest source session of its changes. */
    long lastSession() {
        return lastSession;
    }

    int size() {
        return dones.size();
    }

    boolean full() {
        return dones.size() >= commits.maxMessages()
                || System.nanoTime() - begunNanos >= commits.maxAge().toNanos();
    }

    /**
     * Never between the parts of one change (a key split's DELETE and INSERT). Under rule One a transaction
     * commits only between source transactions, or after a chunk of a large one; under Hash at any other change.
     */
    boolean mayCommit() {
        return !partial
                && (!commits.wholeTransactions() || sinceBoundary == 0 || sinceBoundary >= commits.chunk());
    }

    void succeed() {
        dones.forEach(d -> d.accept(null));
    }

    void fail(Throwable cause) {
        dones.forEach(d -> d.accept(cause));
    }
}
