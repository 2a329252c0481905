package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import io.cdcrelay.topic.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Re-snapshot on demand against real MariaDB and Kafka: {@code POST /snapshot} runs Debezium's incremental snapshot
 * while the binlog flows on, and no snapshot row read before a newer binlog change ends up last; a table created
 * after the start, outside the selection, is added by the same request and stays added across a restart.
 */
@ExtendWith(RealServers.class)
class IncrementalSnapshotIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSnapshotUnderConcurrentUpdatesEndsWithEveryKeysLastMessageEqualToItsRow(Servers servers) throws Exception {
        String db = "it_incsnap";
        int rows = 3000;
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)",
                "INSERT INTO " + db + ".t VALUES " + IntStream.rangeClosed(1, rows).mapToObj(i -> "(" + i + ",0)")
                        .collect(Collectors.joining(",")));
        int port = FreePort.pick();
        Properties p = properties(servers, db, 6701, port);
        // no initial snapshot: every row the topic holds of t comes from the incremental snapshot or the binlog
        p.setProperty("relay.sync-types", "schema,incremental");
        // small chunks: many windows for updates to fall into
        p.setProperty("relay.snapshot.chunk-size", "200");
        try (TestRelay relay = TestRelay.start(p)) {
            awaitStreaming(servers, db);
            int updates;
            try (RowUpdater updater = RowUpdater.start(servers, db + ".t", rows)) {
                await().atMost(WAIT).until(() -> updater.updates() >= 200);
                int before = updater.updates();
                long posted = System.nanoTime();
                HttpResponse<String> accepted = post(port, "{\"tables\":[\"" + db + ".t\"]}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                assertThat(json.readTree(accepted.body()).path("requested").get(0).asText()).isEqualTo(db + ".t");
                AtomicReference<String> running = new AtomicReference<>();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    JsonNode progress = json.readTree(get(port, "/status").body()).path("incrementalSnapshot");
                    if (progress.path("state").asText().equals("running")) {
                        running.compareAndSet(null, progress.toPrettyString());
                    }
                    assertThat(progress.path("state").asText()).isEqualTo("completed");
                });
                updates = updater.updates() - before;
                System.out.printf("re-snapshot of %,d rows: %,d updates in the %,d ms from the POST to completed; "
                        + "a running status: %s%n", rows, updates, (System.nanoTime() - posted) / 1_000_000,
                        running.get());
            }
            assertThat(updates).as("updates while the snapshot ran").isPositive();

            Map<String, String> table = rowsOf(servers, db + ".t");
            assertThat(table).hasSize(rows);
            String topic = "Topic_" + db + "_t";
            try (Admin admin = Admin.create(KafkaTopics.adminProperties(servers.kafka().bootstrapServers(), Map.of()))) {
                await().atMost(WAIT).untilAsserted(() -> {
                    Map<String, String> last = lastValues(servers, topic, (int) TopicReader.storedMessages(admin, topic));
                    Map<String, String> stale = new TreeMap<>();
                    table.forEach((id, v) -> {
                        if (!v.equals(last.get(id))) {
                            stale.put(id, last.get(id) + " (row: " + v + ")");
                        }
                    });
                    assertThat(stale).as("keys whose last message is not their row").isEmpty();
                });
            }
            JsonNode status = json.readTree(get(port, "/status").body()).path("incrementalSnapshot");
            assertThat(status.path("tablesDone").asInt()).isEqualTo(1);
            assertThat(status.path("tablesRemaining").asInt()).isZero();
        }
    }

    @Test
    void aTableCreatedAfterTheStartIsAddedSnapshottedAndFollowedAcrossARestart(Servers servers) throws Exception {
        String db = "it_incsnap_add";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        int port = FreePort.pick();
        Properties p = properties(servers, db, 6702, port);
        p.setProperty("relay.source.tables", db + ".ready");
        String topic = "Topic_" + db + "_late";
        try (TestRelay relay = TestRelay.start(p)) {
            awaitStreaming(servers, db);
            servers.sql("CREATE TABLE " + db + ".late (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO " + db + ".late VALUES " + IntStream.rangeClosed(1, 500).mapToObj(i -> "(" + i + ",1)")
                            .collect(Collectors.joining(",")));
            // selected changes after the rows until their position is saved (the engine saves it with a batch): the
            // engine restarted for the addition reads the binlog from after the rows' INSERT, so only the snapshot
            // can bring them
            Path offsets = Path.of(p.getProperty("relay.data-dir")).resolve("offsets-" + db + ".dat");
            FileTime before = FileTime.from(Instant.now());
            AtomicInteger ready = new AtomicInteger(100);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                servers.sql("INSERT INTO " + db + ".ready VALUES (" + ready.incrementAndGet() + ")");
                return Files.exists(offsets) && Files.getLastModifiedTime(offsets).compareTo(before) > 0;
            });

            HttpResponse<String> unknown = post(port, "{\"tables\":[\"" + db + ".nosuch\"]}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json.readTree(unknown.body()).path("error").asText())
                    .isEqualTo("The source has no table " + db + ".nosuch.");

            // the JMX operation (JConsole, Hawtio) answers as the POST does
            Object jmx = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("cdc-relay:type=Snapshot,source=" + db), "snapshot",
                    new Object[] {db + ".nosuch"}, new String[] {String.class.getName()});
            assertThat(jmx).isEqualTo("The source has no table " + db + ".nosuch.");

            HttpResponse<String> accepted = post(port, "{\"tables\":[\"" + db + ".late\"]}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(json.readTree(accepted.body()).path("added").get(0).asText()).isEqualTo(db + ".late");
            await().atMost(WAIT).untilAsserted(() -> assertThat(lastValues(servers, topic, 500)).hasSize(500));

            servers.sql("UPDATE " + db + ".late SET v = 2 WHERE id = 1", "INSERT INTO " + db + ".late VALUES (501, 1)");
            await().atMost(WAIT).untilAsserted(() -> {
                Map<String, String> last = lastValues(servers, topic, 502);
                assertThat(last).containsEntry("1", "2").containsEntry("501", "1");
            });
        }
        assertThat(Files.readAllLines(Path.of(p.getProperty("relay.data-dir")).resolve("added-tables-" + db + ".txt")))
                .containsExactly(db + ".late");

        // the addition is remembered: a restarted relay follows the table without being asked again
        servers.sql("UPDATE " + db + ".late SET v = 3 WHERE id = 2");
        try (TestRelay relay = TestRelay.start(p)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(lastValues(servers, topic, 503)).containsEntry("2", "3"));
        }
    }

    private static Properties properties(Servers servers, String db, long serverId, int port) throws Exception {
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, db, dataDir, serverId);
        p.setProperty("relay.http.port", String.valueOf(port));
        return p;
    }

    /**
     * Binlog streaming: a row written now arrives. Without an initial snapshot the binlog is read from the moment the
     * engine started, which a row written right after the relay's start may precede: one row a try.
     */
    private static void awaitStreaming(Servers servers, String db) throws Exception {
        for (int id = 1; id <= 30; id++) {
            servers.sql("INSERT INTO " + db + ".ready VALUES (" + id + ")");
            if (!TopicReader.read(servers.kafka().bootstrapServers(), "Topic_" + db + "_ready", 1,
                    Duration.ofSeconds(2)).isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no change of " + db + ".ready arrived");
    }

    /** Each id's v in the last message of its key (a key stays in one partition, read in offset order). */
    private Map<String, String> lastValues(Servers servers, String topic, int count) throws Exception {
        Map<String, String> last = new HashMap<>();
        for (ConsumerRecord<String, String> r : TopicReader.read(servers.kafka().bootstrapServers(), topic, count,
                Duration.ofSeconds(5))) {
            JsonNode row = json.readTree(r.value()).path("postStruct");
            last.put(row.path("id").asText(), row.path("v").asText());
        }
        return last;
    }

    private static Map<String, String> rowsOf(Servers servers, String table) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = servers.mariaDb().connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/snapshot"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
