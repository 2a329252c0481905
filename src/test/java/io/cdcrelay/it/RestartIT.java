package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A relay stopped in the middle of a workload, cleanly or with SIGKILL, resumes from its saved position:
 * no committed change is lost and each key's changes stay in commit order (some may arrive twice).
 */
@ExtendWith(RealServers.class)
class RestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aCleanStopAndRestartInTheMiddleOfAWorkloadLosesNothing(Servers servers) throws Exception {
        String db = "it_restart";
        LedgerWorkload workload = new LedgerWorkload(servers.mariaDb(), db);
        Path dataDir = servers.dir().resolve("relay-" + db);
        Properties properties = TestRelay.properties(servers, db, dataDir, 6002);
        String topic = "Topic_" + db + "_ledger";

        try (TestRelay relay = TestRelay.start(properties)) {
            awaitStreaming(servers, workload, topic);
            workload.run(150);
            awaitMessages(servers, topic, 100);
        }
        workload.run(150);
        try (TestRelay relay = TestRelay.start(properties)) {
            workload.run(100);
            awaitEverythingDelivered(servers, topic, workload);
        }
    }

    @Test
    void theProductionJarKilledWithSigkillResumesWithoutLoss(Servers servers) throws Exception {
        String db = "it_kill";
        LedgerWorkload workload = new LedgerWorkload(servers.mariaDb(), db);
        Path dataDir = servers.dir().resolve("relay-" + db);
        String topic = "Topic_" + db + "_ledger";
        Properties properties = TestRelay.properties(servers, db, dataDir, 6003);
        File log = servers.dir().resolve(db + ".log").toFile();

        Process first = RelayProcess.start(properties, log, "-Xmx512m");
        try {
            awaitStreaming(servers, workload, topic);
            workload.run(100);
            awaitMessages(servers, topic, 50);
            workload.run(100);
        } finally {
            first.destroyForcibly().waitFor();
        }
        workload.run(100);
        resumeAfterKill(first, servers, properties, log, topic, workload);
    }

    /**
     * The window is the most the relay has handed over and not had acknowledged. Kafka is made slow to
     * acknowledge (batches wait 3 s to fill), a burst fills the window, and the relay is killed once at least
     * 90 % of it is in flight, as its own /metrics count (captured minus delivered): none of those may be lost,
     * and a saved position must not have run ahead of them.
     */
    @Test
    void theProductionJarKilledWithItsWindowNearlyFullResumesWithoutLoss(Servers servers) throws Exception {
        String db = "it_kill_full";
        LedgerWorkload workload = new LedgerWorkload(servers.mariaDb(), db);
        Path dataDir = servers.dir().resolve("relay-" + db);
        String topic = "Topic_" + db + "_ledger";
        Properties properties = TestRelay.properties(servers, db, dataDir, 6004);
        int port = io.cdcrelay.demo.FreePort.pick();
        properties.setProperty("relay.http.port", String.valueOf(port));
        File log = servers.dir().resolve(db + ".log").toFile();

        Properties slow = new Properties();
        slow.putAll(properties);
        slow.setProperty("relay.delivery.window", "500");
        slow.setProperty("relay.kafka.producer.linger.ms", "3000");
        slow.setProperty("relay.kafka.producer.batch.size", "4194304");
        Process first = RelayProcess.start(slow, log, "-Xmx512m");
        long inFlightAtKill;
        try {
            awaitStreaming(servers, workload, topic);
            workload.run(300);
            inFlightAtKill = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> inFlight(port), n -> n >= 450);
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertThat(inFlightAtKill).isLessThanOrEqualTo(500);
        workload.run(50);
        resumeAfterKill(first, servers, properties, log, topic, workload);
    }

    /** The killed relay's successor delivers every committed change, each key in commit order. */
    private static void resumeAfterKill(Process killed, Servers servers, Properties properties, File log, String topic,
            LedgerWorkload workload) throws Exception {
        assertThat(killed.exitValue()).as("killed, not stopped").isNotZero();
        Process second = RelayProcess.start(properties, log, "-Xmx512m");
        try {
            awaitEverythingDelivered(servers, topic, workload);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    /** Changes captured and not yet acknowledged, from the relay's Prometheus counters; -1 while it cannot say. */
    private static long inFlight(int port) {
        try {
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return sum(metrics, "relay_changes_captured_total") - sum(metrics, "relay_changes_delivered_total");
        } catch (Exception notUpYet) {
            return -1;
        }
    }

    private static long sum(String prometheus, String counter) {
        return prometheus.lines().filter(l -> l.startsWith(counter + "{") || l.startsWith(counter + " "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * The table is empty when the relay starts, so the snapshot ends at once and everything after comes
     * from the binlog. (Debezium restarts an interrupted initial snapshot from scratch, and a snapshot
     * carries each row's final state only: a stop during the snapshot is not what these tests are about.)
     */
    private static void awaitStreaming(Servers servers, LedgerWorkload workload, String topic) throws Exception {
        workload.run(1);
        awaitMessages(servers, topic, workload.committedChanges());
    }


    /**
     * Repeats (at-least-once) make the message count reach the committed count before the last changes
     * arrive, so wait for the full check: every committed change delivered, each key in order.
     */
    private static void awaitEverythingDelivered(Servers servers, String topic, LedgerWorkload workload) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> workload.assertDeliveredInOrder(
                TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE, Duration.ofSeconds(3))));
    }

    private static List<ConsumerRecord<String, String>> awaitMessages(Servers servers, String topic, int atLeast) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            records.clear();
            records.addAll(TopicReader.read(servers.kafka().bootstrapServers(), topic, atLeast, Duration.ofSeconds(5)));
            assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return records;
    }
}
