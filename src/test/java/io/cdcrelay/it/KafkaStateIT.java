package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code relay.state.store=kafka}: the position and the schema history live in Kafka, so a relay started in
 * another working directory with an empty data folder (another host, as far as the relay can tell) and the same
 * {@code relay.source.name} continues where the first one stopped.
 */
@ExtendWith(RealServers.class)
class KafkaStateIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int SEED_ROWS = 5;

    @Test
    void aRelayOnAnotherHostWithTheSameSourceNameContinuesFromThePositionSavedInKafka(Servers servers)
            throws Exception {
        String db = "it_state";
        LedgerWorkload workload = new LedgerWorkload(servers.mariaDb(), db);
        // rows that exist before the first start: the snapshot copies them, and only the first relay snapshots
        servers.sql("CREATE TABLE " + db + ".seed (id INT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO " + db + ".seed VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
        Properties properties = TestRelay.properties(servers, db, Path.of("data"), 6601);
        properties.setProperty("relay.state.store", "kafka");
        Path hostA = emptyDirectory(servers.dir().resolve("state-host-a"));
        Path hostB = emptyDirectory(servers.dir().resolve("state-host-b"));
        File log = servers.dir().resolve(db + ".log").toFile();
        String kafka = servers.kafka().bootstrapServers();
        String ledger = "Topic_" + db + "_ledger";
        String seed = "Topic_" + db + "_seed";

        Process first = RelayProcess.start(properties, log, hostA, "-Xmx512m");
        try {
            TopicReader.readAtLeast(kafka, seed, SEED_ROWS, WAIT);
            workload.run(1);
            awaitMessages(kafka, ledger, workload.committedChanges());
            workload.run(100);
            awaitMessages(kafka, ledger, workload.committedChanges());
        } finally {
            first.destroy();
            first.waitFor();
        }
        assertThat(hostA.resolve("data/offsets-" + db + ".dat")).as("no offset file: the position is in Kafka")
                .doesNotExist();
        workload.run(100);

        Process second = RelayProcess.start(properties, log, hostB, "-Xmx512m");
        try {
            workload.run(50);
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> workload.assertDeliveredInOrder(
                    TopicReader.read(kafka, ledger, Integer.MAX_VALUE, Duration.ofSeconds(3))));
        } finally {
            second.destroy();
            second.waitFor();
        }
        assertThat(TopicReader.read(kafka, seed, SEED_ROWS + 1, Duration.ofSeconds(5)))
                .as("the second relay did not snapshot again").hasSize(SEED_ROWS);
        assertThat(hostB.resolve("data/schema-history-" + db + ".dat")).doesNotExist();
        assertStateTopicsInKafka(kafka, db);
    }

    /**
     * The offsets topic holds Kafka Connect's standard layout, which a transactional writer of positions will share:
     * JSON key {@code [engine name, {"server": topic prefix}]}, JSON value the binlog position.
     */
    private static void assertStateTopicsInKafka(String kafka, String name) throws Exception {
        List<ConsumerRecord<String, String>> offsets = TopicReader.read(kafka, name + ".offsets", Integer.MAX_VALUE,
                Duration.ofSeconds(3));
        // in target/failsafe-reports/*-output.txt: what a user's TopicTail would show
        offsets.forEach(r -> System.out.println(name + ".offsets key=" + r.key() + " value=" + r.value()));
        assertThat(offsets).isNotEmpty().allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("[\"" + name + "\",{\"server\":\"" + name + "\"}]");
            assertThat(r.value()).contains("\"file\":\"").contains("\"pos\":");
        });
        List<ConsumerRecord<String, String>> history = TopicReader.read(kafka, name + ".schema-history",
                Integer.MAX_VALUE, Duration.ofSeconds(3));
        assertThat(history).isNotEmpty().anySatisfy(r -> assertThat(r.value()).contains("CREATE TABLE"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(name + ".offsets",
                    name + ".schema-history")).allTopicNames().get();
            assertThat(topics.get(name + ".schema-history").partitions()).hasSize(1);
            assertThat(topics.get(name + ".offsets").partitions()).hasSize(1);
        }
    }

    private static void awaitMessages(String kafka, String topic, int atLeast) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                TopicReader.read(kafka, topic, atLeast, Duration.ofSeconds(5))).hasSizeGreaterThanOrEqualTo(atLeast));
    }

    private static Path emptyDirectory(Path dir) throws Exception {
        Directories.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }
}
