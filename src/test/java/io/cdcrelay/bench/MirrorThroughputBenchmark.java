package io.cdcrelay.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka-to-Kafka mirror throughput of the relay, against Kafka's own MirrorMaker 2 (connect-mirror 3.9.1)
 * measured in the same run on the same two brokers. The source topic is filled first; then each mirror runs
 * alone as its own JVM into its own destination topic, and the destination's end offsets are polled every
 * 100 ms: the rate is N over the time from the first mirrored record to the N-th. Not a test: run it with
 * {@code bench/mirror.sh [--only=mm2|relay] [records]}.
 */
public final class MirrorThroughputBenchmark {

    static final String SOURCE_TOPIC = "bench-source";
    private static final int PARTITIONS = 3;
    private static final int KEY_BYTES = 10;
    private static final int VALUE_BYTES = 290;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** One mirror's figures; {@code seconds} runs from the first record in the destination to the last. */
    record Result(String name, long records, double seconds, double sinceStart, long peakRssKb) {
        double rate() {
            return records / seconds;
        }
    }

    private MirrorThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = 1_000_000;
        String only = null;
        for (String arg : args) {
            if (arg.startsWith("--only=") && List.of("mm2", "relay").contains(arg.substring(7))) {
                only = arg.substring(7);
            } else if (arg.matches("[0-9_]+")) {
                records = Integer.parseInt(arg.replace("_", ""));
            } else {
                System.err.println("usage: bench/mirror.sh [--only=mm2|relay] [records]");
                System.exit(64);
            }
        }
        Path dir = Path.of("target", "bench-mirror").toAbsolutePath();
        Directories.deleteRecursively(dir);
        Files.createDirectories(dir);
        // fail before minutes of setup when a side cannot run
        Path relayJar = "mm2".equals(only) ? null : MirrorProcesses.stageRelayJar(dir);
        if (!"relay".equals(only)) {
            MirrorProcesses.mm2Lib();
        }
        Map<String, Result> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (EmbeddedKafka source = EmbeddedKafka.start(dir.resolve("kafka-source"), FreePort.pick());
                EmbeddedKafka destination = EmbeddedKafka.start(dir.resolve("kafka-destination"), FreePort.pick());
                Admin admin = Admin.create(Map.of("bootstrap.servers", destination.bootstrapServers()))) {
            System.out.printf("brokers: source %s, destination %s (Kafka 3.9.1 KRaft, both in this JVM)%n",
                    source.bootstrapServers(), destination.bootstrapServers());
            preload(source.bootstrapServers(), records);
            for (String side : List.of("mm2", "relay")) {
                if (only != null && !only.equals(side)) {
                    continue;
                }
                try {
                    Result r = side.equals("mm2") ? mm2(dir, source, destination, admin, records)
                            : relay(dir, relayJar, source, destination, admin, records);
                    results.put(side, r);
                    System.out.printf("%-6s %,10.0f records/s  (%.1f s first to last record, %.1f s from process "
                            + "start, peak RSS %s)%n", r.name() + ":", r.rate(), r.seconds(), r.sinceStart(),
                            r.peakRssKb() < 0 ? "unknown" : (r.peakRssKb() >> 10) + " MB");
                } catch (Exception e) {
                    failures.add(side + ": " + e.getMessage());
                    System.out.println(side + " FAILED: " + e.getMessage());
                }
            }
        }
        summary(records, results, failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static Result mm2(Path dir, EmbeddedKafka source, EmbeddedKafka destination, Admin admin, int records)
            throws Exception {
        File log = Path.of("target", "bench-mirror-mm2.log").toFile();
        long started = System.nanoTime();
        Process p = MirrorProcesses.startMm2(dir.resolve("mm2"), source.bootstrapServers(),
                destination.bootstrapServers(), SOURCE_TOPIC, log);
        return measure("MM2", p, admin, "src." + SOURCE_TOPIC, records, started, log);
    }

    private static Result relay(Path dir, Path jar, EmbeddedKafka source, EmbeddedKafka destination, Admin admin,
            int records) throws Exception {
        Properties p = new Properties();
        p.setProperty("relay.cdc.enabled", "false");
        p.setProperty("relay.mirror.enabled", "true");
        p.setProperty("relay.mirror.source.bootstrap-servers", source.bootstrapServers());
        p.setProperty("relay.mirror.topics", SOURCE_TOPIC);
        p.setProperty("relay.mirror.group-id", "bench-relay");
        p.setProperty("relay.mirror.start-offset", "earliest");
        p.setProperty("relay.mirror.destination.bootstrap-servers", destination.bootstrapServers());
        p.setProperty("relay.mirror.topic-rule", "relay.#{source_topic_name}");
        p.setProperty("relay.mirror.partition-policy", "same");
        p.setProperty("relay.data-dir", dir.resolve("relay").toString());
        p.setProperty("relay.progress.interval", "5s");
        File log = Path.of("target", "bench-mirror-relay.log").toFile();
        long started = System.nanoTime();
        Process process = MirrorProcesses.startRelay(jar, p, log);
        return measure("relay", process, admin, "relay." + SOURCE_TOPIC, records, started, log);
    }

    /**
     * Polls the sum of {@code topic}'s end offsets every 100 ms until it reaches {@code records}, then reads
     * the process's peak RSS and stops it; the process is stopped on failure too.
     */
    private static Result measure(String name, Process process, Admin admin, String topic, long records,
            long started, File log) throws Exception {
        try {
            long first = -1;
            long lastReport = System.nanoTime();
            long next = System.nanoTime();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before "
                            + topic + " held " + records + " records; see " + log);
                }
                long stored = TopicReader.storedMessages(admin, topic);
                long now = System.nanoTime();
                if (stored > 0 && first < 0) {
                    first = now;
                    System.out.printf("%s: first records in %s after %.1f s%n", name, topic, (now - started) / 1e9);
                }
                if (stored >= records) {
                    long rss = MirrorProcesses.peakRssKb(process);
                    // all arrived between two polls: the time is below the resolution, count one poll
                    double seconds = Math.max(now - first, POLL.toNanos()) / 1e9;
                    if (stored > records) {
                        System.out.printf("%s: %s holds %,d records, %,d more than the source%n", name, topic,
                                stored, stored - records);
                    }
                    return new Result(name, records, seconds, (now - started) / 1e9, rss);
                }
                if (now - started > TIMEOUT.toNanos()) {
                    throw new IllegalStateException(String.format("%s: %s held %,d of %,d records after %d minutes;"
                            + " see %s", name, topic, stored, records, TIMEOUT.toMinutes(), log));
                }
                if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                    System.out.printf("%s: %,d of %,d%n", name, stored, records);
                    lastReport = now;
                }
                next += POLL.toNanos();
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
        } finally {
            MirrorProcesses.stop(process);
        }
    }

    /** Creates the source topic and fills it, every record acknowledged by the broker, before any mirror runs. */
    private static void preload(String bootstrap, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(SOURCE_TOPIC, PARTITIONS, (short) 1))).all().get();
            awaitLeaders(admin);
        }
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(64 * 1024));
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        CountDownLatch acked = new CountDownLatch(records);
        AtomicReference<Exception> failed = new AtomicReference<>();
        byte[] origin = "cdc-relay-bench".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < records; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(SOURCE_TOPIC, key(i), value(i));
                record.headers().add("origin", origin).add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                producer.send(record, (m, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                    acked.countDown();
                });
            }
            if (!acked.await(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                throw new IllegalStateException("the source was not filled in " + TIMEOUT.toMinutes() + " minutes");
            }
        }
        if (failed.get() != null) {
            throw new IllegalStateException("filling the source failed: " + failed.get(), failed.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("source %s: %,d records of %d + %d bytes (+ 2 headers) in %d partitions, filled in "
                + "%.1f s (%,.0f records/s)%n", SOURCE_TOPIC, records, KEY_BYTES, VALUE_BYTES, PARTITIONS, seconds,
                records / seconds);
    }

    /** Until every partition's leader answers ListOffsets: before that, producing may stall (see KafkaTopics). */
    private static void awaitLeaders(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int i = 0; i < PARTITIONS; i++) {
            latest.put(new TopicPartition(SOURCE_TOPIC, i), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(SOURCE_TOPIC + " has no leader after 30 s", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** "k-00000042": 10 bytes. */
    private static String key(int i) {
        return String.format("k-%08d", i);
    }

    /** A JSON object of exactly 290 bytes. */
    private static String value(int i) {
        String head = "{\"id\":" + i + ",\"pad\":\"";
        return head + "p".repeat(VALUE_BYTES - head.length() - 2) + "\"}";
    }

    private static void summary(int records, Map<String, Result> results, List<String> failures) {
        System.out.printf("%nrecords: %,d of ~%d bytes (%d-byte key, %d-byte value, 2 headers), %d partitions,"
                + " one broker per cluster on this machine%n", records, KEY_BYTES + VALUE_BYTES, KEY_BYTES,
                VALUE_BYTES, PARTITIONS);
        Result mm2 = results.get("mm2");
        Result relay = results.get("relay");
        System.out.printf("MirrorMaker 2 (connect-mirror 3.9.1): %s%n", figure(mm2));
        System.out.printf("cdc-relay mirror:                     %s%n", figure(relay));
        if (mm2 != null && relay != null) {
            System.out.printf("ratio relay / MM2:                    %.2f%n", relay.rate() / mm2.rate());
        }
        failures.forEach(f -> System.out.println("FAILED " + f));
    }

    private static String figure(Result r) {
        return r == null ? "not measured" : String.format("%,10.0f records/s", r.rate());
    }
}
