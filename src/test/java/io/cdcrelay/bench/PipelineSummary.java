package io.cdcrelay.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The closing table of {@link PipelineBenchmark}: per round and median catch-up rates with the relay/bare ratio,
 * peak RSS, the latency percentiles with how many paced rows arrived, the paced writer's achieved rate, and
 * under RocketMQ the plain producer's rate. Only what the run measured is printed.
 */
final class PipelineSummary {

    private static final String ROW = "%-40s %22s %22s %11s%n";

    private PipelineSummary() {
    }

    /**
     * @param out       where the figures go
     * @param rounds    the catch-up rounds, or null when not run
     * @param latency   the latency phase, or null when not run
     * @param plainRate the plain DefaultMQProducer's messages/s, or null when not measured
     */
    static void print(PrintStream out, PipelineOptions options, List<CatchUpRounds.Round> rounds,
            LatencyPhase.Result latency, Double plainRate) {
        out.printf("%nsummary: rule %s, sink %s; %d cores shared by the servers, the harness and both"
                + " competitors%n", options.rule(), options.sink(), Runtime.getRuntime().availableProcessors());
        out.printf(ROW, "", "bare Debezium route", "cdc-relay", "relay/bare");
        if (rounds != null && !rounds.isEmpty()) {
            for (CatchUpRounds.Round r : rounds) {
                out.printf(ROW, String.format("catch-up %,d rows, round %d, %s first", options.rows(),
                        r.number(), r.first()), rate(r.bare().span().rate()), rate(r.relay().span().rate()),
                        String.format("%.2f", r.ratio()));
            }
            out.printf(ROW, String.format("catch-up, median of %d rounds", rounds.size()), "", "",
                    String.format("%.2f", CatchUpRounds.medianRatio(rounds)));
            double bareCpu = median(rounds.stream().mapToDouble(r -> r.bare().span().cpuMicrosPerChange()).toArray());
            double relayCpu = median(rounds.stream().mapToDouble(r -> r.relay().span().cpuMicrosPerChange())
                    .toArray());
            out.printf(ROW, "CPU per change in its JVM, median", micros(bareCpu), micros(relayCpu),
                    String.format("%.2f", relayCpu / bareCpu));
            out.printf(ROW, "CPU per change in the harness, median",
                    micros(median(rounds.stream().mapToDouble(r -> r.bare().harnessCpuMicros()).toArray())),
                    micros(median(rounds.stream().mapToDouble(r -> r.relay().harnessCpuMicros()).toArray())), "");
            out.printf(ROW, "peak RSS in catch-up (highest)",
                    CatchUpRounds.megabytes(rounds.stream().mapToLong(r -> r.bare().peakRssKb()).max().orElse(-1)),
                    CatchUpRounds.megabytes(rounds.stream().mapToLong(r -> r.relay().peakRssKb()).max().orElse(-1)),
                    "");
        }
        if (latency != null) {
            PacedWriter.Result w = latency.writer();
            out.printf(ROW, String.format("latency p50/p90/p99/max at %,d rows/s", Math.round(w.rate())),
                    percentiles(latency.bare()), percentiles(latency.relay()), "");
            out.printf(ROW, String.format("rows arrived of %,d sent", w.sent()),
                    String.format("%,d", latency.bare().count()), String.format("%,d", latency.relay().count()), "");
            out.printf(ROW, "peak RSS in latency phase", CatchUpRounds.megabytes(latency.bareRssKb()),
                    CatchUpRounds.megabytes(latency.relayRssKb()), "");
            out.printf("paced writer: %,d rows/s asked; %,.0f achieved alone, %,.0f with both competitors running%n",
                    w.asked(), latency.alone().rate(), w.rate());
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
