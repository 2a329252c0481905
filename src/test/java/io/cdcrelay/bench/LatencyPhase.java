package io.cdcrelay.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The warm latency phase of {@link PipelineBenchmark} ({@link ColdStart} is the cold one): first the paced writer
 * runs alone for a few seconds into a database neither competitor reads, to show what the server does without them; then both competitors run at
 * the same time while {@link PacedWriter} commits single rows into their table at a steady rate. Both JVMs are
 * warmed first, unmeasured: {@link #WARM_UP_ROWS} rows in transactions of 1,000, then {@link #PACED_WARM_UP}
 * of the paced load with {@code ts} 0. (Without it the relay, whose rate climbs for some 20 s after its JVM
 * starts, spent the first half of a 30 s phase catching up, and its percentiles measured its start-up.) The
 * relay's latencies are read from its destination by a {@link LatencyReader}, the bare route's by
 * the route itself. After the writer stops, both get {@link #DRAIN} to receive what is still on its way; rows
 * that arrive later count as not arrived.
 */
final class LatencyPhase {

    static final Duration DRAIN = Duration.ofSeconds(60);
    static final Duration ALONE = Duration.ofSeconds(10);
    static final Duration PACED_WARM_UP = Duration.ofSeconds(10);
    static final int WARM_UP_ROWS = 100_000;

    /**
     * The phase's figures. {@code alone} is the paced writer with both competitors stopped, {@code writer} with
     * both running. {@code relayBehind} and {@code bareBehind} are the sent rows each had not received yet when the
     * writer stopped; {@code drained} is whether both then received every sent row within {@link #DRAIN}; the CPU
     * figures are each JVM's per row sent while the writer ran, compiled code at a steady rate.
     */
    record Result(PacedWriter.Result alone, PacedWriter.Result writer, Latencies.Summary relay,
            Latencies.Summary bare, long relayBehind, long bareBehind, long relayRssKb, long bareRssKb,
            boolean drained, double relayCpuMicros, double bareCpuMicros) {
    }

    /** CPU per row sent, in µs, of a JVM from {@code before} (ms) to now; -1 when unknown. */
    static double cpuMicrosPerRow(Competitor.Run run, long before, long rows) {
        long now = run.cpuMillis();
        return before < 0 || now < 0 || rows == 0 ? -1 : (now - before) * 1e3 / rows;
    }

    private final ChangesTable table;
    private final ChangesTable probe;
    private final RelayCompetitor relay;
    private final BareCompetitor bare;
    private final Callable<LatencyReader> openReader;

    /**
     * @param probe      a table of the same shape that neither competitor reads
     * @param openReader opens a reader of the relay's topic, positioned at its end
     */
    LatencyPhase(ChangesTable table, ChangesTable probe, RelayCompetitor relay, BareCompetitor bare,
            Callable<LatencyReader> openReader) {
        this.table = table;
        this.probe = probe;
        this.relay = relay;
        this.bare = bare;
        this.openReader = openReader;
    }

    Result run(int rowsPerSecond, Duration duration) throws Exception {
        Duration probing = ALONE.compareTo(duration) < 0 ? ALONE : duration;
        PacedWriter.Result alone = PacedWriter.run(probe, rowsPerSecond, probing, false);
        try (Competitor.Run r = relay.start(WARM_UP_ROWS); BareCompetitor.BareRun b = bare.start(WARM_UP_ROWS)) {
            table.commit(WARM_UP_ROWS);
            r.awaitExpected(CatchUpRounds.CATCH_UP_TIMEOUT);
            b.awaitExpected(CatchUpRounds.CATCH_UP_TIMEOUT);
            PacedWriter.run(table, rowsPerSecond, PACED_WARM_UP, false);
            try (LatencyReader reader = openReader.call()) {
                long relayCpu = r.cpuMillis();
                long bareCpu = b.cpuMillis();
                PacedWriter.Result writer = PacedWriter.run(table, rowsPerSecond, duration, true);
                double relayCpuMicros = cpuMicrosPerRow(r, relayCpu, writer.sent());
                double bareCpuMicros = cpuMicrosPerRow(b, bareCpu, writer.sent());
                long relayBehind = writer.sent() - reader.latencies().count();
                long bareBehind = writer.sent() - b.latencySummary(Duration.ofSeconds(10)).count();
                long deadline = System.nanoTime() + DRAIN.toNanos();
                boolean drained = false;
                while (System.nanoTime() < deadline) {
                    if (reader.latencies().count() >= writer.sent() && b.latencies() >= writer.sent()) {
                        drained = true;
                        break;
                    }
                    Thread.sleep(100);
                }
                Latencies.Summary bareSummary = b.latencySummary(Duration.ofSeconds(10));
                Latencies.Summary relaySummary = reader.latencies().summary();
                return new Result(alone, writer, relaySummary, bareSummary, relayBehind, bareBehind, r.peakRssKb(),
                        b.peakRssKb(), drained, relayCpuMicros, bareCpuMicros);
            }
        }
    }
}
