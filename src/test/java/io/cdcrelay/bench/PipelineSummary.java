package io.cdcrelay.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The closing table of {@link PipelineBenchmark}: per round and median catch-up rates with the relay/bare and
 * relay/Kafka Connect ratios, CPU per change, peak RSS, the cold and warm latency percentiles with how many paced
 * rows arrived, the paced writer's achieved rate, and under RocketMQ the plain producer's rate. Only what the
 * run measured is printed.
 */
final class PipelineSummary {

    private static final String ROW = "%-40s %20s %20s %20s %10s %13s%n";

    private PipelineSummary() {
    }

    /**
     * @param out       where the figures go
     * @param rounds    the catch-up rounds, or null when not run
     * @param coldRelay the relay's cold latency phase, or null when not run
     * @param coldBare  the bare route's cold latency phase, or null when not run
     * @param latency   the warm latency phase, or null when not run
     * @param plainRate the plain DefaultMQProducer's messages/s, or null when not measured
     */
    static void print(PrintStream out, PipelineOptions options, List<CatchUpRounds.Round> rounds,
            ColdStart.Result coldRelay, ColdStart.Result coldBare, LatencyPhase.Result latency, Double plainRate) {
        out.printf("%nsummary: rule %s, sink %s; %d cores shared by the servers, the harness and the"
                + " competitors%n", options.rule(), options.sink(), Runtime.getRuntime().availableProcessors());
        out.printf(ROW, "", "bare Debezium route", "Kafka Connect", "cdc-relay", "relay/bare", "relay/connect");
        if (rounds != null && !rounds.isEmpty()) {
            boolean connect = rounds.get(0).connect() != null;
            for (CatchUpRounds.Round r : rounds) {
                out.printf(ROW, String.format("catch-up %,d rows, round %d, %s first", options.rows(),
                        r.number(), r.first()), rate(r.bare().span().rate()),
                        connect ? rate(r.connect().span().rate()) : "", rate(r.relay().span().rate()),
                        String.format("%.2f", r.ratio()), connect ? String.format("%.2f", r.connectRatio()) : "");
            }
            out.printf(ROW, String.format("catch-up, median of %d rounds", rounds.size()), "", "", "",
                    String.format("%.2f", CatchUpRounds.medianRatio(rounds)), connect ? String.format("%.2f",
                            median(rounds.stream().mapToDouble(CatchUpRounds.Round::connectRatio).toArray())) : "");
            double bareCpu = median(rounds, CatchUpRounds.Round::bare, m -> m.span().cpuMicrosPerChange());
            double relayCpu = median(rounds, CatchUpRounds.Round::relay, m -> m.span().cpuMicrosPerChange());
            double connectCpu = connect ? median(rounds, CatchUpRounds.Round::connect,
                    m -> m.span().cpuMicrosPerChange()) : Double.NaN;
            out.printf(ROW, "CPU per change in its JVM, median", micros(bareCpu), connect ? micros(connectCpu) : "",
                    micros(relayCpu), String.format("%.2f", relayCpu / bareCpu),
                    connect ? String.format("%.2f", relayCpu / connectCpu) : "");
            out.printf(ROW, "CPU per change in the harness, median",
                    micros(median(rounds, CatchUpRounds.Round::bare, CatchUpRounds.Measured::harnessCpuMicros)),
                    connect ? micros(median(rounds, CatchUpRounds.Round::connect,
                            CatchUpRounds.Measured::harnessCpuMicros)) : "",
                    micros(median(rounds, CatchUpRounds.Round::relay, CatchUpRounds.Measured::harnessCpuMicros)),
                    "", "");
            out.printf(ROW, "peak RSS in catch-up (highest)", highestRss(rounds, CatchUpRounds.Round::bare),
                    connect ? highestRss(rounds, CatchUpRounds.Round::connect) : "",
                    highestRss(rounds, CatchUpRounds.Round::relay), "", "");
            if (rounds.get(0).floor() != null) {
                printFloor(out, rounds, bareCpu, relayCpu);
            }
        }
        if (coldRelay != null && coldBare != null) {
            out.printf(ROW, "cold latency p50/p90/p99/max, each alone", percentiles(coldBare.latencies()), "",
                    percentiles(coldRelay.latencies()), "", "");
            out.printf(ROW, "cold: rows/s the paced writer achieved",
                    String.format("%,.0f", coldBare.writer().rate()), "",
                    String.format("%,.0f", coldRelay.writer().rate()), "", "");
            out.printf(ROW, "cold: rows arrived of those sent", arrivedOf(coldBare), "", arrivedOf(coldRelay), "",
                    "");
            out.printf(ROW, "cold: CPU per row while paced", micros(coldBare.cpuMicros()), "",
                    micros(coldRelay.cpuMicros()), String.format("%.2f", coldRelay.cpuMicros() / coldBare.cpuMicros()),
                    "");
        }
        if (latency != null) {
            printWarm(out, latency);
            out.printf("paced writer: %,d rows/s asked; %,.0f achieved alone, %,.0f with both competitors running%n",
                    latency.writer().asked(), latency.alone().rate(), latency.writer().rate());
        }
        if (plainRate != null) {
            out.printf("plain DefaultMQProducer, async batches of 100: %,.0f messages/s", plainRate);
            if (rounds != null && !rounds.isEmpty()) {
                double relayMedian = median(rounds.stream().mapToDouble(r -> r.relay().span().rate()).toArray());
                out.printf("; relay median catch-up / plain %.2f", relayMedian / plainRate);
            }
            out.println();
        }
    }

    /** The floor's figures, and how far above the bare route it is and the relay above it. */
    private static void printFloor(PrintStream out, List<CatchUpRounds.Round> rounds, double bareCpu,
            double relayCpu) {
        double floorCpu = median(rounds, CatchUpRounds.Round::floor, m -> m.span().cpuMicrosPerChange());
        double floorRate = median(rounds, CatchUpRounds.Round::floor, m -> m.span().rate());
        out.printf("floor (the bare route + a small JSON render + the relay's producer settings, counted when"
                + " acknowledged): median %,.0f changes/s, CPU %.1f µs per change in its JVM, %.1f µs in the"
                + " harness, peak RSS %s%n", floorRate, floorCpu,
                median(rounds, CatchUpRounds.Round::floor, CatchUpRounds.Measured::harnessCpuMicros),
                highestRss(rounds, CatchUpRounds.Round::floor));
        out.printf("floor: CPU per change floor/bare %.2f, relay/floor %.2f; catch-up relay/floor %.2f%n",
                floorCpu / bareCpu, relayCpu / floorCpu,
                median(rounds.stream().mapToDouble(r -> r.relay().span().rate() / r.floor().span().rate())
                        .toArray()));
    }

    private static void printWarm(PrintStream out, LatencyPhase.Result latency) {
        PacedWriter.Result w = latency.writer();
        out.printf(ROW, String.format("warm latency p50/p90/p99/max, %,d rows/s", Math.round(w.rate())),
                percentiles(latency.bare()), "", percentiles(latency.relay()), "", "");
        out.printf(ROW, String.format("warm: rows arrived of %,d sent", w.sent()),
                String.format("%,d", latency.bare().count()), "", String.format("%,d", latency.relay().count()), "",
                "");
        out.printf(ROW, "warm: CPU per row while paced", micros(latency.bareCpuMicros()), "",
                micros(latency.relayCpuMicros()),
                String.format("%.2f", latency.relayCpuMicros() / latency.bareCpuMicros()), "");
        out.printf(ROW, "peak RSS in the warm latency phase",
                CatchUpRounds.megabytes(latency.bareRssKb()), "", CatchUpRounds.megabytes(latency.relayRssKb()), "",
                "");
    }

    private static String arrivedOf(ColdStart.Result cold) {
        return String.format("%,d of %,d", cold.latencies().count(), cold.writer().sent());
    }

    private static double median(List<CatchUpRounds.Round> rounds,
            Function<CatchUpRounds.Round, CatchUpRounds.Measured> competitor,
            ToDoubleFunction<CatchUpRounds.Measured> figure) {
        return median(rounds.stream().map(competitor).mapToDouble(figure).toArray());
    }

    private static String highestRss(List<CatchUpRounds.Round> rounds,
            Function<CatchUpRounds.Round, CatchUpRounds.Measured> competitor) {
        return CatchUpRounds.megabytes(rounds.stream().map(competitor).mapToLong(CatchUpRounds.Measured::peakRssKb)
                .max().orElse(-1));
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f changes/s", perSecond);
    }

    private static String micros(double value) {
        return String.format("%.1f µs", value);
    }

    private static String percentiles(Latencies.Summary s) {
        return String.format("%d/%d/%d/%d ms", s.p50(), s.p90(), s.p99(), s.max());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
