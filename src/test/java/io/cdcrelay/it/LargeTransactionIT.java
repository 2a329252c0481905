package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A single transaction of 1,000,000 rows streams through the production jar with a 512 MB heap, under both
 * rules: under One it is held and sent in chunks of relay.transaction.chunk-size, never whole.
 */
@ExtendWith(RealServers.class)
class LargeTransactionIT {

    private static final int ROWS = 1_000_000;

    @ParameterizedTest(name = "relay.partitioning={0}")
    @ValueSource(strings = {"hash", "one"})
    void aMillionRowTransactionStreamsThroughA512MegabyteHeap(String rule, Servers servers) throws Exception {
        String db = "it_big_" + rule;
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".big (id INT PRIMARY KEY, payload VARCHAR(100))",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, db, dataDir, rule.equals("hash") ? 6201 : 6202);
        p.setProperty("relay.partitioning", rule);
        File log = servers.dir().resolve(db + ".log").toFile();

        Process relay = RelayProcess.start(p, log, "-Xmx512m");
        try {
            servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
            awaitMessages(servers, "Topic_" + db + "_ready", 1, Duration.ofSeconds(90));

            // one statement, one transaction, one million row events (MariaDB's sequence engine)
            servers.sql("INSERT INTO " + db + ".big SELECT seq, REPEAT('x', 100) FROM " + db + ".seq_1_to_" + ROWS);

            awaitMessages(servers, "Topic_" + db + "_big", ROWS, Duration.ofMinutes(8));
            assertThat(relay.isAlive()).as("the relay is still running").isTrue();
        } finally {
            relay.destroy();
            relay.waitFor();
        }
        assertThat(Files.readString(log.toPath())).doesNotContain("OutOfMemoryError");
    }

    /** Waits until the topic's partitions hold {@code count} messages in all. */
    private static void awaitMessages(Servers servers, String topic, long count, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long total = 0;
            while (System.nanoTime() < deadline) {
                total = TopicReader.storedMessages(admin, topic);
                if (total >= count) {
                    assertThat(total).as("no change sent twice").isEqualTo(count);
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError(topic + " holds " + total + " of " + count + " messages after " + timeout.toSeconds() + " s");
        }
    }
}
