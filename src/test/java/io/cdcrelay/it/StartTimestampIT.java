package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.RealServers.Servers;
import io.cdcrelay.position.OffsetSeeder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code relay.incremental.start-timestamp} against MariaDB's real binlog: the relay starts at the first
 * transaction committed at or after the time, refuses a time the binlog no longer has, and once it saved a
 * position of its own, a restart continues from there instead of seeking again.
 */
@ExtendWith(RealServers.class)
class StartTimestampIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String KEY = "relay.incremental.start-timestamp";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRelayStartsAtTheFirstTransactionCommittedAtOrAfterTheTimeAndARestartContinuesFromItsSavedPosition(
            Servers servers) throws Exception {
        startsAtTheTimeAndContinuesFromItsSavedPosition(servers, "mariadb", "it_start", 6501, "file");
    }

    /** The position is seeded into the offsets topic, in the layout the engine then reads and overwrites. */
    @Test
    void withTheStateInKafkaTheStartPositionIsSeededIntoTheOffsetsTopic(Servers servers) throws Exception {
        startsAtTheTimeAndContinuesFromItsSavedPosition(servers, "mariadb", "it_start_kafka", 6505, "kafka");
    }

    /**
     * Debezium's MySQL connector against MariaDB sees no GTID mode: it resumes by binlog file and position, the
     * way it reads a MySQL server without GTIDs.
     */
    @Test
    void theMySqlConnectorStartsThereTooByFileAndPosition(Servers servers) throws Exception {
        startsAtTheTimeAndContinuesFromItsSavedPosition(servers, "mysql", "it_start_mysql", 6504, "file");
    }

    private void startsAtTheTimeAndContinuesFromItsSavedPosition(Servers servers, String flavor, String db,
            long serverId, String stateStore) throws Exception {
        String topic = "Topic_" + db + "_items";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id INT PRIMARY KEY, name VARCHAR(20))");
        Instant beforeA = serverNow(servers);
        // A: committed before the start time
        servers.sql("INSERT INTO " + db + ".items VALUES (1, 'a1'), (2, 'a2')");
        long aSecond = serverNow(servers).getEpochSecond();
        // binlog times are whole seconds: the start time must be in a later second than A's commit
        Thread.sleep(1100);
        while (serverNow(servers).getEpochSecond() <= aSecond) {
            Thread.sleep(50);
        }
        Instant t = serverNow(servers);
        // B: committed at or after the start time, before the relay starts
        servers.sql("INSERT INTO " + db + ".items VALUES (3, 'b3')");
        servers.sql("START TRANSACTION", "INSERT INTO " + db + ".items VALUES (4, 'b4')",
                "UPDATE " + db + ".items SET name = 'b1' WHERE id = 1", "COMMIT");

        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, db, dataDir, serverId);
        p.setProperty("relay.source.flavor", flavor);
        p.setProperty("relay.sync-types", "schema,incremental");
        p.setProperty("relay.state.store", stateStore);
        p.setProperty(KEY, t.toString());
        try (TestRelay relay = TestRelay.start(p)) {
            // C: after the start
            servers.sql("INSERT INTO " + db + ".items VALUES (5, 'c5')");
            assertThat(changes(awaitMessages(servers, topic, 4))).containsExactlyInAnyOrder(
                    "INSERT 3 b3", "INSERT 4 b4", "UPDATE 1 b1", "INSERT 5 c5");
            awaitSavedPositionOfItsOwn(p, flavor.equals("mariadb"));
        }

        // D: while the relay is stopped; the restart is given a time before A: a saved position wins over it
        servers.sql("INSERT INTO " + db + ".items VALUES (6, 'd6')");
        p.setProperty(KEY, String.valueOf(beforeA.getEpochSecond()));
        try (TestRelay relay = TestRelay.start(p)) {
            servers.sql("INSERT INTO " + db + ".items VALUES (7, 'e7')");
            assertThat(changes(awaitMessages(servers, topic, 6))).containsExactlyInAnyOrder(
                    "INSERT 3 b3", "INSERT 4 b4", "UPDATE 1 b1", "INSERT 5 c5", "INSERT 6 d6", "INSERT 7 e7");
        }
    }

    @Test
    void aTimeOlderThanTheOldestBinlogOrLaterThanTheSourcesClockFailsTheStartWithTheFix(Servers servers)
            throws Exception {
        String db = "it_start_refused";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id INT PRIMARY KEY)");
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, db, dataDir, 6502);
        p.setProperty("relay.sync-types", "schema,incremental");

        p.setProperty(KEY, "2001-09-09T01:46:40Z");
        assertThatThrownBy(() -> TestRelay.start(p)).isInstanceOf(SettingsException.class)
                .hasMessageMatching(KEY + "=2001-09-09T01:46:40Z is older than the oldest binlog the source still has "
                        + "\\(mariadb-bin\\.000001, begun (\\S+Z)\\): give a time at or after \\1, or add full to "
                        + "relay\\.sync-types to copy the current rows instead\\.");

        Instant tomorrow = serverNow(servers).plus(Duration.ofDays(1));
        p.setProperty(KEY, String.valueOf(tomorrow.getEpochSecond()));
        assertThatThrownBy(() -> TestRelay.start(p)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(KEY + "=" + Instant.ofEpochSecond(tomorrow.getEpochSecond())
                        + " is later than the source's clock (")
                .hasMessageEndingWith("): give a time in the past, or remove " + KEY
                        + " to start at the current end of the binlog.");
        // nothing was seeded by the refused starts
        assertThat(offsets(p).saved()).isEmpty();
    }

    @Test
    void fullAloneCopiesTheRowsOfNowThenFinishesWithoutReadingTheBinlog(Servers servers) throws Exception {
        String db = "it_full_only";
        String topic = "Topic_" + db + "_items";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + db + ".items VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')");
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, db, dataDir, 6503);
        p.setProperty("relay.sync-types", "schema,full");
        try (TestRelay relay = TestRelay.start(p)) {
            assertThat(changes(awaitMessages(servers, topic, 3))).containsExactlyInAnyOrder(
                    "INSERT 1 a1", "INSERT 2 a2", "INSERT 3 a3");
            // the engine finishes: its metrics go away
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> debeziumMetrics(db).isEmpty());
            servers.sql("INSERT INTO " + db + ".items VALUES (4, 'b4')");
            Thread.sleep(3000);
            assertThat(changes(TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE,
                    Duration.ofSeconds(3)))).hasSize(3);
        }
        // a restart does not copy the rows again: the snapshot is done
        try (TestRelay relay = TestRelay.start(p)) {
            Thread.sleep(5000);
            assertThat(changes(TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE,
                    Duration.ofSeconds(3)))).hasSize(3);
        }
    }

    private static java.util.Set<javax.management.ObjectName> debeziumMetrics(String server) throws Exception {
        return java.lang.management.ManagementFactory.getPlatformMBeanServer().queryNames(
                new javax.management.ObjectName("debezium.*:server=" + server + ",*"), null);
    }

    /** The saved offsets of the relay with these settings, in its file or its offsets topic. */
    private static OffsetSeeder offsets(Properties p) {
        RelaySettings settings = RelaySettings.from(p);
        String name = settings.capture().orElseThrow().source().name();
        return new OffsetSeeder(DebeziumSourceConfiguration.offsetStorage(settings.capture().orElseThrow().source(), settings.dataDir(),
                settings.state(), settings.delivery()), name, name);
    }

    /** The seeded offset is replaced by Debezium's own once a change was delivered and its position saved. */
    private static void awaitSavedPositionOfItsOwn(Properties p, boolean gtids) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> saved = offsets(p).saved().orElseThrow();
            assertThat(saved).doesNotContainKey("relay_start_timestamp");
            if (gtids) {
                assertThat(saved).containsKey("gtids");
            }
        });
    }

    private static Instant serverNow(Servers servers) throws Exception {
        try (Connection c = servers.mariaDb().connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT UNIX_TIMESTAMP(NOW(6))")) {
            rs.next();
            return Instant.ofEpochMilli(rs.getBigDecimal(1).movePointRight(3).longValue());
        }
    }

    /** The messages, once {@code count} arrived and a moment passed for any that should not have come. */
    private static List<ConsumerRecord<String, String>> awaitMessages(Servers servers, String topic, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(
                () -> TopicReader.read(servers.kafka().bootstrapServers(), topic, count, Duration.ofSeconds(3)).size() >= count);
        return TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    /** Each message as "OP id name". */
    private List<String> changes(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                var v = json.readTree(r.value());
                var image = v.has("postStruct") ? v.get("postStruct") : v.get("prevStruct");
                return v.get("recordType").asText() + " " + image.get("id").asText() + " " + image.get("name").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
