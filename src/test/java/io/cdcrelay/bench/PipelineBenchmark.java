package io.cdcrelay.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.EmbeddedRocketMq;
import io.cdcrelay.demo.FreePort;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The relay's production jar against a bare Debezium route ({@link BareDebeziumRoute}: Camel's stock
 * {@code debezium-mysql} with the relay's Debezium configuration and a count-only step), each its own JVM, in
 * one run on the same servers: a MariaDB and a Kafka broker (and a RocketMQ broker with {@code --sink=rocketmq})
 * started here. It measures catch-up throughput in alternating rounds on the same binlog
 * ({@link CatchUpRounds}), then latency at a paced load with both running ({@link LatencyPhase}), and under
 * RocketMQ a plain producer's rate. The bare route is what Debezium and Camel cost with nothing after them;
 * the gap is what the relay adds. Not a test, and nothing here asserts a figure: run it with
 * {@code bench/pipeline.sh}.
 */
public final class PipelineBenchmark {

    static final String TOPIC = "Topic_bench_changes";
    private static final String SOURCE_NAME = "bench";
    private static final long RELAY_SERVER_ID = 7301;
    private static final long BARE_SERVER_ID = 7302;
    private static final long CONNECT_SERVER_ID = 7303;
    private static final long FLOOR_SERVER_ID = 7304;
    /** Where the floor competitor sends, beside the relay's topic on the same broker. */
    private static final String FLOOR_TOPIC = "floor_bench_changes";

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchFrame.run("pipeline", args, PipelineOptions::parse, PipelineBenchmark::run);
    }

    private static void run(PipelineOptions options, Path dir, Path jar, PrintStream out) throws Exception {
        File relayLog = fresh(Path.of("target", "bench-pipeline-relay.log"));
        File bareLog = fresh(Path.of("target", "bench-pipeline-bare.log"));
        File connectLog = fresh(Path.of("target", "bench-pipeline-connect.log"));
        File floorLog = fresh(Path.of("target", "bench-pipeline-floor.log"));
        boolean rocketMqSink = options.sink().equals("rocketmq");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick());
                EmbeddedRocketMq rocketMq = rocketMqSink ? EmbeddedRocketMq.start(dir.resolve("rocketmq")) : null;
                DestinationCount count = rocketMqSink ? DestinationCount.rocketMq(rocketMq.namesrvAddr(), TOPIC)
                        : DestinationCount.kafka(kafka.bootstrapServers(), TOPIC);
                DestinationCount connectCount = DestinationCount.kafka(kafka.bootstrapServers(),
                        ConnectCompetitor.topic(SOURCE_NAME, "bench", "changes"))) {
            ChangesTable table = ChangesTable.create(db, "bench");
            Properties common = settings(options, db, kafka, rocketMq);
            RelayCompetitor relay = new RelayCompetitor(jar, withOwn(common, RELAY_SERVER_ID, dir.resolve("relay")),
                    count, relayLog);
            BareCompetitor bare = new BareCompetitor(withOwn(common, BARE_SERVER_ID, dir.resolve("bare")), bareLog);
            // Connect writes to Kafka only, and runs in the catch-up rounds
            ConnectCompetitor connect = rocketMqSink || !options.connect() || !options.throughput() ? null
                    : ConnectCompetitor.create(withOwn(common, CONNECT_SERVER_ID, dir.resolve("connect")),
                            kafka.bootstrapServers(), dir.resolve("connect"), connectCount, connectLog);
            // the floor too: what any relay rendering into Kafka pays above the bare route
            BareCompetitor floor = rocketMqSink || !options.floor() || !options.throughput() ? null
                    : BareCompetitor.floor(withOwn(common, FLOOR_SERVER_ID, dir.resolve("floor")), floorLog,
                            FLOOR_TOPIC);
            out.printf("servers: MariaDB 127.0.0.1:%d, Kafka %s%s; rule %s (Debezium transaction metadata"
                    + " %s for both), format default, sink %s%n", db.port(), kafka.bootstrapServers(),
                    rocketMqSink ? ", RocketMQ " + rocketMq.namesrvAddr() : "", options.rule(),
                    RelaySettings.from(common).delivery().transactionBoundaries() ? "on" : "off", options.sink());

            Double plainRate = null;
            if (rocketMqSink && options.throughput()) {
                RocketMqThroughputBenchmark.Baseline plain = plainProducer(rocketMq.namesrvAddr(), options.rows());
                plainRate = plain.rate();
                out.printf("plain DefaultMQProducer, async batches of 100: %,.0f messages/s (%,d messages%s)%n",
                        plainRate, options.rows(), plain.resent() == 0 ? ""
                                : String.format(", %,d batches resent after the broker refused them", plain.resent()));
            }
            CatchUpRounds catchUp = new CatchUpRounds(table, relay, bare, connect, floor, out);
            // both phases start from a saved offset: a first start's snapshot would read the rows meant to stream
            catchUp.establishOffsets();
            List<CatchUpRounds.Round> rounds = null;
            if (options.throughput()) {
                rounds = catchUp.run(options.rows(), options.rounds());
                out.printf("catch-up: median relay/bare %.2f over %d rounds%n",
                        CatchUpRounds.medianRatio(rounds), rounds.size());
            }
            LatencyPhase.Result latency = null;
            ColdStart.Result coldRelay = null;
            ColdStart.Result coldBare = null;
            if (options.cold()) {
                Callable<LatencyReader> reader = rocketMqSink
                        ? () -> RocketMqLatencyReader.open(rocketMq.namesrvAddr(), TOPIC)
                        : () -> KafkaLatencyReader.open(kafka.bootstrapServers(), TOPIC);
                Duration duration = Duration.ofSeconds(options.latencySeconds());
                ColdStart cold = new ColdStart(table, relay, bare, reader);
                coldRelay = cold.relay(PipelineOptions.LATENCY_RATE, duration);
                printCold(out, "relay", coldRelay);
                coldBare = cold.bare(PipelineOptions.LATENCY_RATE, duration);
                printCold(out, "bare", coldBare);
                cold.catchUp();
                if (options.latency()) {
                    latency = new LatencyPhase(table, ChangesTable.create(db, "probe"), relay, bare, reader)
                            .run(PipelineOptions.LATENCY_RATE, duration);
                    printLatency(out, latency);
                }
            }
            PipelineSummary.print(out, options, rounds, coldRelay, coldBare, latency, plainRate);
        }
    }

    /** The settings both competitors share: the relay's test-server keys (see TestRelay#properties). */
    static Properties settings(PipelineOptions options, EmbeddedMariaDb db, EmbeddedKafka kafka,
            EmbeddedRocketMq rocketMq) {
        Properties p = new Properties();
        p.setProperty("relay.source.flavor", "mariadb");
        p.setProperty("relay.source.host", "127.0.0.1");
        p.setProperty("relay.source.port", String.valueOf(db.port()));
        p.setProperty("relay.source.user", EmbeddedMariaDb.USER);
        p.setProperty("relay.source.password", EmbeddedMariaDb.PASSWORD);
        p.setProperty("relay.source.name", SOURCE_NAME);
        p.setProperty("relay.source.databases", "bench");
        p.setProperty("relay.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.setProperty("relay.partitioning", options.rule());
        p.setProperty("relay.format", "default");
        p.setProperty("relay.sink", options.sink());
        if (rocketMq != null) {
            p.setProperty("relay.rocketmq.namesrv-addr", rocketMq.namesrvAddr());
        }
        p.setProperty("relay.http.port", "0");
        p.setProperty("relay.progress.interval", "5s");
        return p;
    }

    /** {@code common} with a competitor's own server id and data folder. */
    static Properties withOwn(Properties common, long serverId, Path dataDir) {
        Properties p = new Properties();
        p.putAll(common);
        p.setProperty("relay.source.server-id", String.valueOf(serverId));
        p.setProperty("relay.data-dir", dataDir.toString());
        return p;
    }

    /** {@link RocketMqThroughputBenchmark}'s baseline on this run's broker, with both competitors stopped. */
    private static RocketMqThroughputBenchmark.Baseline plainProducer(String namesrvAddr, int messages)
            throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("bench-baseline");
        admin.start();
        try {
            return RocketMqThroughputBenchmark.baseline(namesrvAddr, admin, messages);
        } finally {
            admin.shutdown();
        }
    }

    private static void printCold(PrintStream out, String name, ColdStart.Result r) {
        PacedWriter.Result w = r.writer();
        Latencies.Summary l = r.latencies();
        out.printf("cold latency: %-5s alone, a new JVM, from its first change delivered: sent %,d single-row"
                + " autocommit INSERTs in %.1f s = %,.0f rows/s (%,d asked); p50 %d  p90 %d  p99 %d  max %d ms, %,d"
                + " arrived (%,d not yet when the writer stopped%s)%n", name, w.sent(), w.seconds(), w.rate(),
                w.asked(), l.p50(), l.p90(), l.p99(), l.max(), l.count(), r.behind(),
                r.drained() ? "" : String.format("; not all within %d s", LatencyPhase.DRAIN.toSeconds()));
    }

    private static void printLatency(PrintStream out, LatencyPhase.Result r) {
        PacedWriter.Result a = r.alone();
        out.printf("warm latency: paced writer alone (competitors stopped, into probe.changes): %,d rows/s asked,"
                + " %,.0f achieved over %.0f s%s%n", a.asked(), a.rate(), a.seconds(), a.keptRate() ? ""
                : " -- below the asked rate even with both competitors stopped");
        PacedWriter.Result w = r.writer();
        out.printf("warm latency: paced writer with both competitors running (warmed, unmeasured, by %,d rows in"
                + " transactions and %d s of the paced load): %,d rows/s asked for %.0f s; sent %,d single-row"
                + " autocommit INSERTs in %.1f s = %,.0f rows/s%s%n", LatencyPhase.WARM_UP_ROWS,
                LatencyPhase.PACED_WARM_UP.toSeconds(), w.asked(), w.askedSeconds(), w.sent(), w.seconds(), w.rate(),
                w.failed() > 0 ? String.format(" (%,d INSERTs failed)", w.failed()) : "");
        if (!w.keptRate()) {
            out.printf("warm latency: the database, sharing the machine with both competitors and the brokers,"
                    + " did not sustain %,d rows/s (%.0f%% of it): the latencies below are at %,.0f rows/s%n",
                    w.asked(), 100 * w.rate() / w.asked(), w.rate());
        }
        out.printf("warm latency: bare  p50 %d  p90 %d  p99 %d  max %d ms, %,d of %,d rows arrived (%,d not yet"
                + " when the writer stopped)%n", r.bare().p50(), r.bare().p90(), r.bare().p99(), r.bare().max(),
                r.bare().count(), w.sent(), r.bareBehind());
        out.printf("warm latency: relay p50 %d  p90 %d  p99 %d  max %d ms, %,d of %,d rows arrived (%,d not yet"
                + " when the writer stopped)%n", r.relay().p50(), r.relay().p90(), r.relay().p99(), r.relay().max(),
                r.relay().count(), w.sent(), r.relayBehind());
        if (!r.drained()) {
            out.printf("warm latency: not every sent row arrived within %d s of the last INSERT%n",
                    LatencyPhase.DRAIN.toSeconds());
        }
    }

    static File fresh(Path log) throws Exception {
        Files.deleteIfExists(log);
        return log.toAbsolutePath().toFile();
    }
}
