package io.cdcrelay.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;

/**
 * {@code bench/guarantee.sh}: the relay's production jar with {@code relay.delivery.guarantee=exactly-once}
 * against the same jar at {@code at-least-once}, each its own JVM and topic, catching up on the same binlog in
 * alternating rounds ({@link CatchUpRounds}), on one MariaDB and one Kafka broker started here. Both count what
 * a {@code read_committed} consumer sees. Prints each round's rates, their ratio and the CPU per change.
 */
public final class GuaranteeBenchmark {

    private static final long EXACTLY_ONCE_SERVER_ID = 7311;
    private static final long AT_LEAST_ONCE_SERVER_ID = 7312;

    private GuaranteeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchFrame.run("guarantee", args, GuaranteeBenchmark::parse, GuaranteeBenchmark::run);
    }

    private static PipelineOptions parse(String[] args) {
        PipelineOptions options = PipelineOptions.parse(args);
        if (!options.sink().equals("kafka") || options.only() != null) {
            throw new IllegalArgumentException("bench/guarantee.sh takes --rule, --rows and --rounds only");
        }
        return options;
    }

    private static void run(PipelineOptions options, Path dir, Path jar, PrintStream out) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick());
                DestinationCount exactlyCount = DestinationCount.kafkaCommitted(kafka.bootstrapServers(),
                        "EOS_bench_changes");
                DestinationCount atLeastCount = DestinationCount.kafkaCommitted(kafka.bootstrapServers(),
                        "ALO_bench_changes")) {
            ChangesTable table = ChangesTable.create(db, "bench");
            Properties common = PipelineBenchmark.settings(options, db, kafka, null);
            Properties exactly = PipelineBenchmark.withOwn(common, EXACTLY_ONCE_SERVER_ID, dir.resolve("exactly"));
            exactly.setProperty("relay.delivery.guarantee", "exactly-once");
            exactly.setProperty("relay.topic.name", "EOS_${database}_${table}");
            Properties atLeast = PipelineBenchmark.withOwn(common, AT_LEAST_ONCE_SERVER_ID, dir.resolve("at-least"));
            atLeast.setProperty("relay.topic.name", "ALO_${database}_${table}");
            Competitor exactlyOnce = new RelayCompetitor("exactly-once", jar, exactly, exactlyCount,
                    PipelineBenchmark.fresh(Path.of("target", "bench-guarantee-exactly-once.log")));
            Competitor atLeastOnce = new RelayCompetitor("at-least-once", jar, atLeast, atLeastCount,
                    PipelineBenchmark.fresh(Path.of("target", "bench-guarantee-at-least-once.log")));
            out.printf("servers: MariaDB 127.0.0.1:%d, Kafka %s; rule %s, format default; both counted by a "
                    + "read_committed consumer%n", db.port(), kafka.bootstrapServers(), options.rule());
            CatchUpRounds catchUp = new CatchUpRounds(table, exactlyOnce, atLeastOnce, null, null, out);
            catchUp.establishOffsets();
            List<CatchUpRounds.Round> rounds = catchUp.run(options.rows(), options.rounds());
            out.printf("%nsummary: rule %s; %d cores shared by the servers, the harness and both relays%n",
                    options.rule(), Runtime.getRuntime().availableProcessors());
            for (CatchUpRounds.Round r : rounds) {
                out.printf("round %d (%s first): exactly-once %,.0f changes/s, at-least-once %,.0f changes/s, ratio"
                        + " %.2f; CPU per change %.1f / %.1f µs%n", r.number(), r.first(), r.relay().span().rate(),
                        r.bare().span().rate(), r.ratio(), r.relay().span().cpuMicrosPerChange(),
                        r.bare().span().cpuMicrosPerChange());
            }
            out.printf("catch-up %,d rows: median exactly-once/at-least-once %.2f over %d rounds%n", options.rows(),
                    CatchUpRounds.medianRatio(rounds), rounds.size());
        }
    }
}
