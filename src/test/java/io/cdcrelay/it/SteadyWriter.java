package io.cdcrelay.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Commits a {@link LedgerWorkload} transaction every {@code pace} on a thread of its own, through outages: a
 * failed transaction is dropped (or, when its commit failed, settled once the database answers again) and the
 * writer tries again on a new connection. It remembers when each transaction committed, so a test can tell
 * which changes were committed after a server came back.
 */
final class SteadyWriter implements AutoCloseable {

    /** A committed transaction: when its commit returned, and the id of its first inserted row. */
    record Commit(Instant at, int firstId) {
    }

    private final LedgerWorkload workload;
    private final Duration pace;
    private final List<Commit> commits = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private SteadyWriter(LedgerWorkload workload, Duration pace) {
        this.workload = workload;
        this.pace = pace;
        this.thread = new Thread(this::write, "steady-writer");
    }

    static SteadyWriter start(LedgerWorkload workload, Duration pace) {
        SteadyWriter writer = new SteadyWriter(workload, pace);
        writer.thread.start();
        return writer;
    }

    private void write() {
        Connection c = null;
        while (running) {
            try {
                if (c == null) {
                    c = workload.connect();
                    workload.settle(c);
                }
                int first = workload.commitOne(c);
                commits.add(new Commit(Instant.now(), first));
            } catch (SQLException e) {
                failures.incrementAndGet();
                closeQuietly(c);
                c = null;
            }
            try {
                Thread.sleep(pace.toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
        closeQuietly(c);
    }

    /** The first transaction committed at or after {@code time}. */
    Optional<Commit> firstCommitAfter(Instant time) {
        return commits.stream().filter(commit -> !commit.at().isBefore(time)).findFirst();
    }

    int commits() {
        return commits.size();
    }

    /** Transactions that failed (the database was away). */
    int failures() {
        return failures.get();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone with its server
            }
        }
    }

    /** Stops writing and waits for the transaction in hand. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
