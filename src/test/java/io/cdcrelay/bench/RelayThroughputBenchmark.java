package io.cdcrelay.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import io.cdcrelay.it.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Binlog-to-Kafka throughput of the relay, against a baseline measured in the same run on the same
 * broker: a plain asynchronous Kafka producer with the relay's producer settings sending the same number
 * of messages of the same size. Not a test: run it with {@code bench/throughput.sh [rows]}.
 */
public final class RelayThroughputBenchmark {

    private RelayThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean catchUp = List.of(args).contains("--catch-up");
        List<String> numbers = java.util.Arrays.stream(args).filter(a -> a.matches("[0-9]+")).toList();
        int rows = numbers.isEmpty() ? 200_000 : Integer.parseInt(numbers.get(0));
        Path dir = Path.of("target", "bench").toAbsolutePath();
        Directories.deleteRecursively(dir);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick())) {
            Servers servers = new Servers(db, kafka, dir);
            double baseline = baseline(kafka.bootstrapServers(), rows);
            double relay = catchUp ? catchUp(servers, rows) : relay(servers, rows);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%nrows: %,d of ~330 bytes as messages%n", rows);
            System.out.printf("baseline, plain async KafkaProducer: %,10.0f messages/s%n", baseline);
            System.out.printf("cdc-relay, binlog to Kafka acked:    %,10.0f changes/s (%.0f%% of baseline)%n",
                    relay, 100 * relay / baseline);
            System.out.printf("heap used at end: %,d MB of %,d MB max%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }

    private static double baseline(String bootstrap, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("baseline", 3, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        CountDownLatch acked = new CountDownLatch(count);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("baseline", "{\"id\":\"" + i + "\"}", message(i)), (m, e) -> acked.countDown());
            }
            acked.await(5, TimeUnit.MINUTES);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double relay(Servers servers, int rows) throws Exception {
        createTable(servers);
        Properties p = TestRelay.properties(servers, "bench", servers.dir().resolve("relay"), 7001);
        p.setProperty("relay.progress.interval", "5s");
        try (TestRelay relay = TestRelay.start(p)) {
            Thread.sleep(3000); // the empty snapshot is done; what follows is streamed from the binlog
            long start = System.nanoTime();
            try (Connection c = servers.mariaDb().connect("bench"); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (int from = 0; from < rows; from += 1000) {
                    s.executeUpdate(insertRows("changes", from, Math.min(rows, from + 1000)));
                    c.commit();
                }
            }
            double committedAfter = (System.nanoTime() - start) / 1e9;
            awaitMessages(servers.kafka().bootstrapServers(), "Topic_bench_changes", rows);
            System.out.printf("source committed the %,d rows in %.1f s (%,.0f rows/s)%n", rows, committedAfter,
                    rows / committedAfter);
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The rows are committed while the relay is stopped, then the relay reads them from its saved position:
     * the rate from the relay's start until Kafka holds every change, start-up included.
     */
    private static double catchUp(Servers servers, int rows) throws Exception {
        createTable(servers);
        Properties p = TestRelay.properties(servers, "bench", servers.dir().resolve("relay"), 7001);
        p.setProperty("relay.progress.interval", "5s");
        // -Drelay.* on the benchmark's command line tries a setting, e.g. -Drelay.delivery.lanes=2
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("relay."))
                .forEach(k -> p.setProperty(k, System.getProperty(k)));
        try (TestRelay relay = TestRelay.start(p)) {
            Thread.sleep(5000); // the empty snapshot is done and its position saved
        }
        try (Connection c = servers.mariaDb().connect("bench"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (int from = 0; from < rows; from += 1000) {
                s.executeUpdate(insertRows("changes", from, Math.min(rows, from + 1000)));
                c.commit();
            }
        }
        long start = System.nanoTime();
        try (TestRelay relay = TestRelay.start(p)) {
            awaitMessages(servers.kafka().bootstrapServers(), "Topic_bench_changes", rows);
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void createTable(Servers servers) throws Exception {
        try (Connection c = servers.mariaDb().connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bench");
            s.execute("CREATE TABLE bench.changes (id BIGINT PRIMARY KEY, payload VARCHAR(200), n INT)");
        }
    }

    /** One INSERT of the rows {@code from} (inclusive) to {@code to} of a (id, payload of 150 'x', n) table. */
    static String insertRows(String table, int from, int to) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES ");
        for (int i = from; i < to; i++) {
            sql.append(i == from ? "" : ",").append('(').append(i).append(",'").append("x".repeat(150))
                    .append("',").append(i).append(')');
        }
        return sql.toString();
    }

    private static String message(int i) {
        return "{\"postStruct\":{\"id\":\"" + i + "\",\"payload\":\"" + "x".repeat(150) + "\",\"n\":\"" + i
                + "\"},\"allMetaData\":{\"checkpoint\":\"1795259048\",\"record_primary_key\":\"id\"},\"recordType\":\"INSERT\"}";
    }

    static void awaitMessages(String bootstrap, String topic, long count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                long total = TopicReader.storedMessages(admin, topic);
                if (total >= count) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(topic + " did not reach " + count + " messages in 10 minutes");
        }
    }
}
