package io.cdcrelay.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The throughput phase of {@link PipelineBenchmark}: both competitors catch up, one after the other, on exactly
 * the same rows of the binlog. First each is started once, reads a warm-up transaction and is stopped, so it
 * has saved an offset at the binlog's end. Then each round commits N rows with both stopped, and starts one
 * competitor, then the other, each measured from its first change to its N-th and stopped again; which one
 * goes first alternates from round to round.
 */
final class CatchUpRounds {

    /** Rows of the warm-up transaction that proves a competitor streams. */
    static final int WARM_UP_ROWS = 1_000;
    /** After its last change, before it is stopped: two offset flushes (relay.offset.flush-interval=1s). */
    static final Duration SETTLE = Duration.ofMillis(2_500);
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);

    /** One competitor's catch-up; {@code extra} changes counted beyond the rows committed (replayed). */
    record Measured(String name, Competitor.Span span, long extra, long peakRssKb, double harnessCpuMicros) {
    }

    /** One round; {@code first} is the name of the competitor that ran first. */
    record Round(int number, String first, double commitSeconds, Measured relay, Measured bare) {

        double ratio() {
            return relay.span().rate() / bare.span().rate();
        }
    }

    private final ChangesTable table;
    private final Competitor relay;
    private final Competitor bare;
    private final PrintStream out;

    /** @param out where the figures go */
    CatchUpRounds(ChangesTable table, Competitor relay, Competitor bare, PrintStream out) {
        this.table = table;
        this.relay = relay;
        this.bare = bare;
        this.out = out;
    }

    /** Starts both, lets them read a warm-up transaction, waits for their offsets to be saved and stops them. */
    void establishOffsets() throws Exception {
        try (Competitor.Run r = relay.start(WARM_UP_ROWS); Competitor.Run b = bare.start(WARM_UP_ROWS)) {
            table.commit(WARM_UP_ROWS);
            r.awaitExpected(CATCH_UP_TIMEOUT);
            b.awaitExpected(CATCH_UP_TIMEOUT);
            Thread.sleep(SETTLE.toMillis());
        }
    }

    List<Round> run(int rows, int rounds) throws Exception {
        List<Round> done = new ArrayList<>();
        for (int number = 1; number <= rounds; number++) {
            double commitSeconds = table.commit(rows);
            out.printf("round %d: committed %,d rows in transactions of 1,000 in %.1f s (%,.0f rows/s)"
                    + " with both stopped%n", number, rows, commitSeconds, rows / commitSeconds);
            boolean bareFirst = number % 2 == 1;
            Measured firstOne = measure(number, bareFirst ? bare : relay, rows, out);
            Measured second = measure(number, bareFirst ? relay : bare, rows, out);
            Round round = new Round(number, firstOne.name(), commitSeconds, bareFirst ? second : firstOne,
                    bareFirst ? firstOne : second);
            out.printf("round %d: %s/%s %.2f%n", number, relay.name(), bare.name(), round.ratio());
            done.add(round);
        }
        return done;
    }

    /**
     * Starts the competitor, waits until it counted {@code rows} changes and stops it after {@link #SETTLE};
     * prints its rate, CPU and memory.
     */
    static Measured measure(int round, Competitor competitor, int rows, PrintStream out) throws Exception {
        long harnessCpuBefore = ProcessCpu.ofThisProcess();
        try (Competitor.Run run = competitor.start(rows)) {
            Competitor.Span span = run.awaitExpected(CATCH_UP_TIMEOUT);
            // the harness holds the Kafka broker: what it spends while the relay runs is the broker's share
            double harnessCpuMicros = (ProcessCpu.ofThisProcess() - harnessCpuBefore) * 1e3 / rows;
            Thread.sleep(SETTLE.toMillis());
            long extra = run.counted() - rows;
            long rss = run.peakRssKb();
            out.printf("round %d: %-5s %,9.0f changes/s  (%,d in %.2f s first to last; first change %.1f s"
                    + " after its JVM started; peak RSS %s)%n", round, competitor.name(), span.rate(), rows,
                    span.seconds(), span.startToFirstSeconds(), megabytes(rss));
            out.printf("round %d: %-5s CPU %.1f µs per change in its JVM (%.2f cores busy first to last),"
                    + " %.1f µs in the harness (servers, counting) from its start%n", round, competitor.name(),
                    span.cpuMicrosPerChange(), span.coresBusy(), harnessCpuMicros);
            if (extra != 0) {
                out.printf("round %d: %s counted %,d changes more than the %,d rows expected (replayed from"
                        + " an older offset?)%n", round, competitor.name(), extra, rows);
            }
            return new Measured(competitor.name(), span, extra, rss, harnessCpuMicros);
        }
    }

    static String megabytes(long kb) {
        return kb < 0 ? "unknown" : String.format("%,d MB", kb >> 10);
    }

    /** The median of the rounds' relay/bare ratios. */
    static double medianRatio(List<Round> rounds) {
        return PipelineSummary.median(rounds.stream().mapToDouble(Round::ratio).toArray());
    }
}
