package io.cdcrelay.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.ToDoubleFunction;

import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;

/**
 * {@code bench/snapshot.sh}: the initial snapshot of one table through the relay's production jar (rows to
 * messages Kafka holds) against the bare Debezium route ({@link BareDebeziumRoute}, the same Debezium
 * configuration, snapshot settings included, and a count-only step), each its own JVM with an empty data folder
 * per round, so each round is a first start. The two alternate which goes first; the rate is taken from the
 * first row counted to the last (the start-up, schema capture included, is printed beside it). A streaming
 * JDBC read of the table, measured once, shows what the server can hand out. Not a test: nothing here asserts
 * a figure.
 */
public final class SnapshotBenchmark {

    private static final long RELAY_SERVER_ID = 7321;
    private static final long BARE_SERVER_ID = 7322;

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchFrame.run("snapshot", args, SnapshotOptions::parse, SnapshotBenchmark::run);
    }

    private static void run(SnapshotOptions options, Path dir, Path jar, PrintStream out) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick());
                DestinationCount count = DestinationCount.kafka(kafka.bootstrapServers(), PipelineBenchmark.TOPIC)) {
            ChangesTable table = ChangesTable.create(db, "bench");
            double fillSeconds = table.commit(options.rows());
            try (Connection c = table.connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE changes");
            }
            out.printf("servers: MariaDB 127.0.0.1:%d, Kafka %s; bench.changes filled with %,d rows of ~180 bytes"
                    + " in %.1f s; rule %s, format default%s%n", db.port(), kafka.bootstrapServers(), options.rows(),
                    fillSeconds, options.rule(), options.debezium().isEmpty() ? ""
                            : ", Debezium " + options.debezium() + " for both");
            out.printf("streaming JDBC read of the table (what the server hands out): %,.0f rows/s%n",
                    jdbcRead(table));
            Properties common = PipelineBenchmark.settings(options.pipeline(), db, kafka, null);
            options.debezium().forEach((key, value) -> common.setProperty("relay.source.debezium." + key, value));
            List<CatchUpRounds.Round> rounds = new ArrayList<>();
            for (int number = 1; number <= options.rounds(); number++) {
                Competitor relay = new RelayCompetitor(jar, PipelineBenchmark.withOwn(common, RELAY_SERVER_ID,
                        dir.resolve("relay-" + number)), count,
                        PipelineBenchmark.fresh(Path.of("target", "bench-snapshot-relay-" + number + ".log")));
                Competitor bare = new BareCompetitor(PipelineBenchmark.withOwn(common, BARE_SERVER_ID,
                        dir.resolve("bare-" + number)),
                        PipelineBenchmark.fresh(Path.of("target", "bench-snapshot-bare-" + number + ".log")));
                boolean bareFirst = number % 2 == 1;
                CatchUpRounds.Measured first = CatchUpRounds.measure(number, bareFirst ? bare : relay,
                        options.rows(), out);
                CatchUpRounds.Measured second = CatchUpRounds.measure(number, bareFirst ? relay : bare,
                        options.rows(), out);
                CatchUpRounds.Round round = new CatchUpRounds.Round(number, first.name(), fillSeconds,
                        bareFirst ? second : first, bareFirst ? first : second, null, null);
                out.printf("round %d: relay/bare %.2f%n", number, round.ratio());
                rounds.add(round);
            }
            print(out, options, rounds);
        }
    }

    private static void print(PrintStream out, SnapshotOptions options, List<CatchUpRounds.Round> rounds) {
        out.printf("%nsummary: initial snapshot of %,d rows, rule %s; %d cores shared by the servers, the harness"
                + " and both competitors%n", options.rows(), options.rule(), Runtime.getRuntime().availableProcessors());
        String row = "%-44s %20s %20s %11s%n";
        out.printf(row, "", "bare Debezium route", "cdc-relay", "relay/bare");
        for (CatchUpRounds.Round r : rounds) {
            out.printf(row, String.format("round %d, %s first, first row to last", r.number(), r.first()),
                    rowsPerSecond(r.bare().span().rate()), rowsPerSecond(r.relay().span().rate()),
                    String.format("%.2f", r.ratio()));
        }
        out.printf(row, String.format("median of %d rounds, first row to last", rounds.size()),
                rowsPerSecond(median(rounds, r -> r.bare().span().rate())),
                rowsPerSecond(median(rounds, r -> r.relay().span().rate())),
                String.format("%.2f", CatchUpRounds.medianRatio(rounds)));
        out.printf(row, "median, JVM start to last row",
                rowsPerSecond(median(rounds, r -> withStartUp(r.bare().span()))),
                rowsPerSecond(median(rounds, r -> withStartUp(r.relay().span()))),
                String.format("%.2f", median(rounds, r -> withStartUp(r.relay().span()) / withStartUp(r.bare().span()))));
        double bareCpu = median(rounds, r -> r.bare().span().cpuMicrosPerChange());
        double relayCpu = median(rounds, r -> r.relay().span().cpuMicrosPerChange());
        out.printf(row, "CPU per row in its JVM, median", String.format("%.1f µs", bareCpu),
                String.format("%.1f µs", relayCpu), String.format("%.2f", relayCpu / bareCpu));
        out.printf(row, "cores busy in its JVM, median", String.format("%.2f", median(rounds,
                r -> r.bare().span().coresBusy())), String.format("%.2f", median(rounds,
                r -> r.relay().span().coresBusy())), "");
        out.printf(row, "CPU per row in the harness (servers), median",
                String.format("%.1f µs", median(rounds, r -> r.bare().harnessCpuMicros())),
                String.format("%.1f µs", median(rounds, r -> r.relay().harnessCpuMicros())), "");
        out.printf(row, "peak RSS (highest)",
                CatchUpRounds.megabytes(rounds.stream().mapToLong(r -> r.bare().peakRssKb()).max().orElse(-1)),
                CatchUpRounds.megabytes(rounds.stream().mapToLong(r -> r.relay().peakRssKb()).max().orElse(-1)), "");
    }

    private static double withStartUp(Competitor.Span span) {
        return span.expected() / ((span.reachedMillis() - span.startedMillis()) / 1e3);
    }

    private static double median(List<CatchUpRounds.Round> rounds,
            ToDoubleFunction<CatchUpRounds.Round> figure) {
        return PipelineSummary.median(rounds.stream().mapToDouble(figure).toArray());
    }

    private static String rowsPerSecond(double rate) {
        return String.format("%,.0f rows/s", rate);
    }

    private static double jdbcRead(ChangesTable table) throws Exception {
        long start = System.nanoTime();
        long read = 0;
        try (Connection c = table.connect(); Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT * FROM changes")) {
                while (rs.next()) {
                    read += rs.getString(2).length() > 0 ? 1 : 0;
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }
}
