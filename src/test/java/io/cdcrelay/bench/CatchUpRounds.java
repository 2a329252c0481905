package io.cdcrelay.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput phase of {@link PipelineBenchmark}: the competitors (the relay, the bare route and, with a Kafka
 * sink, Kafka Connect) catch up, one after the other, on exactly the same rows of the binlog. First each is
 * started once, reads a warm-up transaction and is stopped, so it has saved an offset at the binlog's end. Then
 * each round commits N rows with all stopped, and starts one competitor after the other, each measured from its
 * first change to its N-th and stopped again; which one goes first rotates from round to round.
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

    /**
     * One round; {@code first} is the name of the competitor that ran first, {@code connect} null when Kafka
     * Connect does not run.
     */
    record Round(int number, String first, double commitSeconds, Measured relay, Measured bare, Measured connect,
            Measured floor) {

        double ratio() {
            return relay.span().rate() / bare.span().rate();
        }

        /** Relay ÷ Kafka Connect changes/s; NaN without Connect. */
        double connectRatio() {
            return connect == null ? Double.NaN : relay.span().rate() / connect.span().rate();
        }
    }

    private final ChangesTable table;
    private final Competitor relay;
    private final Competitor bare;
    private final Competitor connect;
    private final Competitor floor;
    private final PrintStream out;

    /**
     * @param connect Kafka Connect, or null when it does not run
     * @param floor   the bare route that also renders and sends ({@link FloorSendingProcessor}), or null
     * @param out     where the figures go
     */
    CatchUpRounds(ChangesTable table, Competitor relay, Competitor bare, Competitor connect, Competitor floor,
            PrintStream out) {
        this.table = table;
        this.relay = relay;
        this.bare = bare;
        this.connect = connect;
        this.floor = floor;
        this.out = out;
    }

    /** In the order of the first round; later rounds rotate it. */
    private List<Competitor> competitors() {
        List<Competitor> all = new ArrayList<>(List.of(bare, relay));
        if (connect != null) {
            all.add(connect);
        }
        if (floor != null) {
            all.add(floor);
        }
        return all;
    }

    /** Starts all, lets them read a warm-up transaction, waits for their offsets to be saved and stops them. */
    void establishOffsets() throws Exception {
        List<Competitor.Run> runs = new ArrayList<>();
        try {
            for (Competitor competitor : competitors()) {
                runs.add(competitor.start(WARM_UP_ROWS));
            }
            table.commit(WARM_UP_ROWS);
            for (Competitor.Run run : runs) {
                run.awaitExpected(CATCH_UP_TIMEOUT);
            }
            Thread.sleep(SETTLE.toMillis());
        } finally {
            runs.forEach(Competitor.Run::close);
        }
    }

    List<Round> run(int rows, int rounds) throws Exception {
        List<Round> done = new ArrayList<>();
        List<Competitor> order = new ArrayList<>(competitors());
        for (int number = 1; number <= rounds; number++) {
            double commitSeconds = table.commit(rows);
            out.printf("round %d: committed %,d rows in transactions of 1,000 in %.1f s (%,.0f rows/s)"
                    + " with all stopped%n", number, rows, commitSeconds, rows / commitSeconds);
            Map<Competitor, Measured> measured = new HashMap<>();
            for (Competitor competitor : order) {
                measured.put(competitor, measure(number, competitor, rows, out));
            }
            Round round = new Round(number, order.get(0).name(), commitSeconds, measured.get(relay),
                    measured.get(bare), measured.get(connect), measured.get(floor));
            out.printf("round %d: %s/%s %.2f%s%n", number, relay.name(), bare.name(), round.ratio(),
                    connect == null ? "" : String.format(", %s/%s %.2f", relay.name(), connect.name(),
                            round.connectRatio()));
            done.add(round);
            Collections.rotate(order, -1);
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
