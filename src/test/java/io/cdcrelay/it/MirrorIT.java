package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.SecondKafka;
import io.cdcrelay.it.RealServers.Servers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * relay.mirror.* between two real Kafka clusters (KRaft, in this JVM): every partition policy, the rename
 * rule, each start mode, key/value/header/timestamp preservation, per-partition order under same, and two
 * instances sharing one consumer group.
 */
@ExtendWith(RealServers.class)
class MirrorIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void underSameEveryRecordArrivesUnchangedInItsSourcePartitionInOrder(Servers servers, SecondKafka destination)
            throws Exception {
        SourceTopics source = new SourceTopics(servers.kafka().bootstrapServers());
        source.create("m-same", 4);
        List<SourceTopics.Sent> sent = source.send("m-same", 400, 4);
        Properties p = properties(servers, destination, "m-same", "g-same");
        p.setProperty("relay.mirror.topic-rule", "backup.#{source_topic_name}");
        p.setProperty("relay.mirror.partition-policy", "same");

        try (TestRelay relay = TestRelay.start(p)) {
            List<ConsumerRecord<String, String>> copies = TopicReader.readAtLeast(destination.bootstrapServers(),
                    "backup.m-same", 400, WAIT);

            assertThat(copies).hasSize(400);
            assertThat(partitionsOf(destination, "backup.m-same")).as("created with the source's 4, not the default 3")
                    .isEqualTo(4);
            assertThat(byPartition(copies)).isEqualTo(byPartition(sent));
            for (ConsumerRecord<String, String> copy : copies) {
                SourceTopics.Sent original = sent.get(Integer.parseInt(copy.value().substring("value-".length())));
                assertThat(copy.key()).isEqualTo(original.key());
                assertThat(copy.timestamp()).isEqualTo(original.timestamp());
                assertThat(headers(copy)).isEqualTo(original.headers());
            }
            await().atMost(WAIT).untilAsserted(() -> {
                Counter records = relay.meters().find("relay.mirror.records").tag("topic", "m-same").counter();
                Gauge lag = relay.meters().find("relay.mirror.lag").tag("topic", "m-same").gauge();
                assertThat(records).isNotNull().extracting(Counter::count).isEqualTo(400.0);
                assertThat(lag).as("lag gauge").isNotNull().extracting(Gauge::value).isEqualTo(0.0);
            });
            assertThat(relay.meters().get("relay.mirror.bytes").tag("topic", "m-same").counter().count())
                    .isEqualTo(sent.stream().mapToLong(SourceTopics.Sent::size).sum());
        }
    }

    @Test
    void zeroAndAFixedRuleMergeSeveralTopicsIntoPartitionZeroKeepingEachPartitionsOrder(Servers servers,
            SecondKafka destination) throws Exception {
        SourceTopics source = new SourceTopics(servers.kafka().bootstrapServers());
        source.create("m-zero-a", 2);
        source.create("m-zero-b", 3);
        List<SourceTopics.Sent> sent = new ArrayList<>(source.send("m-zero-a", 100, 2, "a-"));
        sent.addAll(source.send("m-zero-b", 100, 3, "b-"));
        Properties p = properties(servers, destination, "m-zero-[ab]", "g-zero");
        p.setProperty("relay.mirror.topic-rule", "merged-zero");
        p.setProperty("relay.mirror.partition-policy", "zero");

        try (TestRelay relay = TestRelay.start(p)) {
            List<ConsumerRecord<String, String>> copies = TopicReader.readAtLeast(destination.bootstrapServers(),
                    "merged-zero", 200, WAIT);

            assertThat(copies).hasSize(200).allSatisfy(c -> assertThat(c.partition()).isZero());
            assertThat(partitionsOf(destination, "merged-zero")).isEqualTo(3);
            Map<String, List<String>> seen = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> copy : copies) {
                SourceTopics.Sent original = sent.stream().filter(s -> s.value().equals(copy.value())).findFirst()
                        .orElseThrow();
                seen.computeIfAbsent(original.topic() + "/" + original.partition(), k -> new ArrayList<>()).add(copy.value());
            }
            assertThat(seen).as("each source partition's records in their order").isEqualTo(sent.stream().collect(
                    Collectors.groupingBy(s -> s.topic() + "/" + s.partition(), LinkedHashMap::new,
                            Collectors.mapping(SourceTopics.Sent::value, Collectors.toList()))));
        }
    }

    @Test
    void roundRobinDeliversEveryRecordOverTheDestinationPartitions(Servers servers, SecondKafka destination)
            throws Exception {
        SourceTopics source = new SourceTopics(servers.kafka().bootstrapServers());
        source.create("m-rr", 1);
        List<SourceTopics.Sent> sent = source.send("m-rr", 300, 1);
        Properties p = properties(servers, destination, "m-rr", "g-rr");
        p.setProperty("relay.mirror.partition-policy", "round-robin");
        p.setProperty("relay.mirror.destination.partitions", "3");

        try (TestRelay relay = TestRelay.start(p)) {
            List<ConsumerRecord<String, String>> copies = TopicReader.readAtLeast(destination.bootstrapServers(),
                    "m-rr", 300, WAIT);
            assertThat(partitionsOf(destination, "m-rr")).as("one source partition, three destination ones").isEqualTo(3);
            assertThat(copies.stream().map(ConsumerRecord::value).collect(Collectors.toSet()))
                    .isEqualTo(sent.stream().map(SourceTopics.Sent::value).collect(Collectors.toSet()));
        }
    }

    @Test
    void latestSkipsOlderRecordsAndTheCommittedOffsetWinsOnRestart(Servers servers, SecondKafka destination)
            throws Exception {
        SourceTopics source = new SourceTopics(servers.kafka().bootstrapServers());
        source.create("m-latest", 2);
        source.send("m-latest", 20, 2, "old-");
        Properties p = properties(servers, destination, "m-latest", "g-latest");
        p.setProperty("relay.mirror.start-offset", "latest");

        try (TestRelay relay = TestRelay.start(p)) {
            awaitCommittedOffsets(servers, "g-latest", 2);
            source.send("m-latest", 20, 2, "live-");
            TopicReader.readAtLeast(destination.bootstrapServers(), "m-latest", 20, WAIT);
        }
        source.send("m-latest", 20, 2, "while-down-");
        try (TestRelay relay = TestRelay.start(p)) {
            List<ConsumerRecord<String, String>> copies = TopicReader.readAtLeast(destination.bootstrapServers(),
                    "m-latest", 40, WAIT);
            Set<String> values = copies.stream().map(ConsumerRecord::value).collect(Collectors.toCollection(TreeSet::new));
            assertThat(values).hasSize(40).allMatch(v -> v.startsWith("live-") || v.startsWith("while-down-"));
        }
    }

    @Test
    void aStartTimeBeginsEachPartitionAtTheFirstRecordAtOrAfterIt(Servers servers, SecondKafka destination)
            throws Exception {
        SourceTopics source = new SourceTopics(servers.kafka().bootstrapServers());
        source.create("m-time", 2);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        source.sendAt("m-time", base, 20, 2); // record i at base + i s, in partition i % 2
        Properties p = properties(servers, destination, "m-time", "g-time");
        p.setProperty("relay.mirror.start-offset", "time");
        p.setProperty("relay.mirror.start-time", base.plusMillis(9_500).toString());
        p.setProperty("relay.mirror.topic-rule", "from-time.#{source_topic_name}");
        try (TestRelay relay = TestRelay.start(p)) {
            List<ConsumerRecord<String, String>> copies = TopicReader.readAtLeast(destination.bootstrapServers(),
                    "from-time.m-time", 10, WAIT);
            assertThat(copies).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                    "at-10", "at-11", "at-12", "at-13", "at-14", "at-15", "at-16", "at-17", "at-18", "at-19");
        }

        Properties before = properties(servers, destination, "m-time", "g-time-early");
        before.setProperty("relay.mirror.start-offset", "time");
        before.setProperty("relay.mirror.start-time", String.valueOf(base.minusSeconds(3600).toEpochMilli()));
        before.setProperty("relay.mirror.topic-rule", "from-early.#{source_topic_name}");
        try (TestRelay relay = TestRelay.start(before)) {
            assertThat(TopicReader.readAtLeast(destination.bootstrapServers(), "from-early.m-time", 20, WAIT))
                    .as("a time before the oldest record starts at the oldest").hasSize(20);
        }
    }

    @Test
    void twoInstancesOfOneGroupShareThePartitionsAndEveryRecordArrives(Servers servers, SecondKafka destination)
            throws Exception {
        SourceTopics source = new SourceTopics(servers.kafka().bootstrapServers());
        source.create("m-scale", 6);
        Properties first = properties(servers, destination, "m-scale", "g-scale");
        Properties second = properties(servers, destination, "m-scale", "g-scale");
        second.setProperty("camel.main.name", "mirror-g-scale-2");

        try (TestRelay a = TestRelay.start(first); TestRelay b = TestRelay.start(second)) {
            await().atMost(WAIT).until(() -> assignedPartitions(servers, "g-scale") == 2);
            List<SourceTopics.Sent> sent = source.send("m-scale", 600, 6);
            List<ConsumerRecord<String, String>> copies = TopicReader.readAtLeast(destination.bootstrapServers(),
                    "m-scale", 600, WAIT);
            assertThat(copies.stream().map(ConsumerRecord::value).collect(Collectors.toSet()))
                    .containsAll(sent.stream().map(SourceTopics.Sent::value).toList());
            await().atMost(WAIT).untilAsserted(() -> assertThat(mirrored(a) + mirrored(b)).isGreaterThanOrEqualTo(600));
            assertThat(mirrored(a)).as("first instance").isPositive();
            assertThat(mirrored(b)).as("second instance").isPositive();
        }
    }

    private static double mirrored(TestRelay relay) {
        Counter counter = relay.meters().find("relay.mirror.records").tag("topic", "m-scale").counter();
        return counter == null ? 0 : counter.count();
    }

    static Properties properties(Servers servers, SecondKafka destination, String topics, String group) {
        return TestRelay.mirrorProperties(servers.kafka().bootstrapServers(), destination.bootstrapServers(), topics,
                group, servers.dir().resolve("mirror-" + group));
    }

    private static int partitionsOf(SecondKafka destination, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", destination.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static void awaitCommittedOffsets(Servers servers, String group, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            await().atMost(WAIT).until(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get().size() == partitions);
        }
    }

    /** Members of {@code group} that hold partitions. */
    private static long assignedPartitions(Servers servers, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private static Map<Integer, List<String>> byPartition(List<?> records) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (Object r : records) {
            if (r instanceof ConsumerRecord<?, ?> c) {
                out.computeIfAbsent(c.partition(), k -> new ArrayList<>()).add((String) c.value());
            } else if (r instanceof SourceTopics.Sent s) {
                out.computeIfAbsent(s.partition(), k -> new ArrayList<>()).add(s.value());
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new java.util.TreeMap<>(out);
    }

    private static List<String> headers(ConsumerRecord<String, String> record) {
        List<String> out = new ArrayList<>();
        record.headers().forEach(h -> out.add(h.key() + "=" + (h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8))));
        return out;
    }
}
