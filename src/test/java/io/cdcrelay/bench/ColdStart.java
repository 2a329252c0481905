package io.cdcrelay.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The cold latency phase of {@link PipelineBenchmark}: one competitor at a time starts as a new JVM, and as soon
 * as it delivered its first change the paced load begins and is measured, as after a restart or a failover into
 * live traffic, where what the JVM has not compiled yet shows as a backlog. One at a time, since two JVMs
 * compiling at once on two cores would measure each other. The rows one competitor's phase commits are read by
 * the other before its own phase, in a JVM of its own that is then stopped, so that each starts cold at the
 * binlog's end; {@link #catchUp()} leaves both there for the next phase.
 */
final class ColdStart {

    /**
     * One competitor's cold phase: the paced writer's figures, the latencies of the rows that arrived, the rows
     * not arrived when the writer stopped, whether all arrived within {@link LatencyPhase#DRAIN}, peak RSS, and
     * the JVM's CPU per row sent while the writer ran (its compiler's work included).
     */
    record Result(PacedWriter.Result writer, Latencies.Summary latencies, long behind, boolean drained,
            long peakRssKb, double cpuMicros) {
    }

    /** Where a competitor's latencies are read: its count so far and, at the end, the summary. */
    private interface Source {
        long count();

        Latencies.Summary summary() throws Exception;
    }

    private final ChangesTable table;
    private final RelayCompetitor relay;
    private final BareCompetitor bare;
    private final Callable<LatencyReader> openReader;
    /** Rows committed since each last read the table. */
    private long relayUnread;
    private long bareUnread;

    /** @param openReader opens a reader of the relay's topic, positioned at its end */
    ColdStart(ChangesTable table, RelayCompetitor relay, BareCompetitor bare, Callable<LatencyReader> openReader) {
        this.table = table;
        this.relay = relay;
        this.bare = bare;
        this.openReader = openReader;
    }

    Result relay(int rowsPerSecond, Duration duration) throws Exception {
        catchUp();
        Result result;
        try (Competitor.Run run = firstChange(relay); LatencyReader reader = openReader.call()) {
            result = measure(run, new Source() {
                @Override
                public long count() {
                    return reader.latencies().count();
                }

                @Override
                public Latencies.Summary summary() {
                    return reader.latencies().summary();
                }
            }, rowsPerSecond, duration);
        }
        bareUnread += 1 + result.writer().sent();
        return result;
    }

    Result bare(int rowsPerSecond, Duration duration) throws Exception {
        catchUp();
        Result result;
        try (BareCompetitor.BareRun run = (BareCompetitor.BareRun) firstChange(bare)) {
            result = measure(run, new Source() {
                @Override
                public long count() {
                    // as of the route's last once-a-second line
                    return run.latencies();
                }

                @Override
                public Latencies.Summary summary() throws Exception {
                    return run.latencySummary(Duration.ofSeconds(10));
                }
            }, rowsPerSecond, duration);
        }
        relayUnread += 1 + result.writer().sent();
        return result;
    }

    /** Lets each competitor read what the other's phase committed, and stops it at the binlog's end. */
    void catchUp() throws Exception {
        relayUnread = catchUp(relay, relayUnread);
        bareUnread = catchUp(bare, bareUnread);
    }

    private static long catchUp(Competitor competitor, long unread) throws Exception {
        if (unread > 0) {
            try (Competitor.Run run = competitor.start(unread)) {
                run.awaitExpected(CatchUpRounds.CATCH_UP_TIMEOUT);
                Thread.sleep(CatchUpRounds.SETTLE.toMillis());
            }
        }
        return 0;
    }

    /** Starts the competitor's JVM and waits until it delivered one row committed after its start. */
    private Competitor.Run firstChange(Competitor competitor) throws Exception {
        Competitor.Run run = competitor.start(1);
        try {
            table.commit(1);
            run.awaitExpected(CatchUpRounds.CATCH_UP_TIMEOUT);
            return run;
        } catch (Exception e) {
            run.close();
            throw e;
        }
    }

    private Result measure(Competitor.Run run, Source source, int rowsPerSecond, Duration duration)
            throws Exception {
        long cpu = run.cpuMillis();
        PacedWriter.Result writer = PacedWriter.run(table, rowsPerSecond, duration, true);
        double cpuMicros = LatencyPhase.cpuMicrosPerRow(run, cpu, writer.sent());
        long behind = writer.sent() - source.count();
        long deadline = System.nanoTime() + LatencyPhase.DRAIN.toNanos();
        boolean drained = source.count() >= writer.sent();
        while (!drained && System.nanoTime() < deadline) {
            Thread.sleep(250);
            drained = source.count() >= writer.sent();
        }
        return new Result(writer, source.summary(), behind, drained, run.peakRssKb(), cpuMicros);
    }
}
