package io.cdcrelay.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load of the latency phase of {@link PipelineBenchmark}: single-row autocommit INSERTs into
 * {@code bench.changes} at a steady rate, each with {@code ts} = the writer's clock just before the statement
 * is sent (so a measured latency includes the commit). A scheduler releases the rate's permits every
 * millisecond; a few writer connections take one permit per row, so a slow commit does not hold the next rows
 * back. When the server cannot keep the rate, permits pile up unused and the achieved rate says so: the
 * writers stop at the end of the duration, and the backlog is not sent.
 */
final class PacedWriter {

    /**
     * Writer connections, enough for the server's group commit: alone on the 2-core development machine, the
     * embedded MariaDB committed 1,700 single-row autocommit INSERTs/s on 1 connection, 3,100 on 4, 6,100 on 16.
     */
    private static final int CONNECTIONS = 16;

    /** @param sent rows committed; @param failed statements that failed (their rows do not count as sent) */
    record Result(int asked, double askedSeconds, long sent, double seconds, long failed) {

        double rate() {
            return sent / seconds;
        }

        /** Whether the rate held within 2 %: below that, the server could not do what was asked. */
        boolean keptRate() {
            return rate() >= 0.98 * asked;
        }
    }

    private PacedWriter() {
    }

    /** @param stamp whether rows carry {@code ts} (else 0: a warm-up whose latencies nobody records) */
    static Result run(ChangesTable table, int rowsPerSecond, Duration duration, boolean stamp) throws Exception {
        Semaphore permits = new Semaphore(0);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<SQLException> firstFailure = new AtomicReference<>();
        long ticks = duration.toMillis();
        AtomicLong tick = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pacer"));
        ExecutorService writers = Executors.newFixedThreadPool(CONNECTIONS, r -> new Thread(r, "paced-writer"));
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            // at fixed rate: a late tick is made up by the next ones, so the permits keep the asked average
            pacer.scheduleAtFixedRate(() -> {
                long k = tick.incrementAndGet();
                if (k <= ticks) {
                    permits.release((int) (rowsPerSecond * k / 1000 - rowsPerSecond * (k - 1) / 1000));
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                running.add(writers.submit(() -> {
                    write(table, stamp, permits, end, sent, failed, firstFailure);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } finally {
            pacer.shutdownNow();
            writers.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (firstFailure.get() != null) {
            System.err.println("paced writer: " + failed.get() + " INSERTs failed, the first with: "
                    + firstFailure.get());
        }
        return new Result(rowsPerSecond, duration.toMillis() / 1e3, sent.get(), seconds, failed.get());
    }

    private static void write(ChangesTable table, boolean stamp, Semaphore permits, long end, AtomicLong sent,
            AtomicLong failed, AtomicReference<SQLException> firstFailure) throws Exception {
        try (Connection c = table.connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO changes (id, payload, n, ts) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            while (System.nanoTime() < end) {
                if (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long id = table.nextId();
                insert.setLong(1, id);
                insert.setString(2, ChangesTable.PAYLOAD);
                insert.setInt(3, (int) (id % 1_000_000));
                insert.setLong(4, stamp ? System.currentTimeMillis() : 0);
                try {
                    insert.executeUpdate();
                    sent.incrementAndGet();
                } catch (SQLException e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                }
            }
        }
    }
}
