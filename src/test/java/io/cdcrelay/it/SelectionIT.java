package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.cdcrelay.TestRelay;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Table and column selection against real servers, and the start checks that need the source's schema. */
@ExtendWith(RealServers.class)
class SelectionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void onlyTheSelectedColumnsAndTheKeyAreSynchronizedEvenAfterAColumnIsAdded(Servers servers) throws Exception {
        String db = "it_columns";
        servers.sql("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".people (id INT PRIMARY KEY, name VARCHAR(20), secret VARCHAR(20), city VARCHAR(20))");
        Properties p = properties(servers, db, 6301);
        p.setProperty("relay.columns." + db + ".people", "name,city");
        try (TestRelay relay = TestRelay.start(p)) {
            servers.sql("INSERT INTO " + db + ".people VALUES (1, 'Ada', 'pw', 'Zürich')");
            String first = read(servers, "Topic_" + db + "_people", 1).get(0).value();
            assertThat(first).contains("\"postStruct\":{\"id\":\"1\",\"name\":\"Ada\",\"city\":\"Zürich\"}")
                    .doesNotContain("secret").doesNotContain("pw");

            servers.sql("ALTER TABLE " + db + ".people ADD COLUMN phone VARCHAR(20)",
                    "INSERT INTO " + db + ".people VALUES (2, 'Bob', 'pw2', 'Bern', '555')");
            // under Hash the ALTER goes to every partition: 1 + 3 + 1 messages
            String bob = read(servers, "Topic_" + db + "_people", 5).stream().map(ConsumerRecord::value)
                    .filter(v -> v.contains("Bob")).findFirst().orElseThrow();
            assertThat(bob).contains("\"postStruct\":{\"id\":\"2\",\"name\":\"Bob\",\"city\":\"Bern\"}")
                    .doesNotContain("555").doesNotContain("pw2");
        }
    }

    @Test
    void aTableRenamedOutOfTheSelectionIsNoLongerSynchronized(Servers servers) throws Exception {
        String db = "it_rename";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".keep_orders (id INT PRIMARY KEY)");
        Properties p = properties(servers, db, 6302);
        p.setProperty("relay.source.tables", db + "\\.keep_.*");
        try (TestRelay relay = TestRelay.start(p)) {
            servers.sql("INSERT INTO " + db + ".keep_orders VALUES (1)");
            read(servers, "Topic_" + db + "_keep_orders", 1);

            servers.sql("RENAME TABLE " + db + ".keep_orders TO " + db + ".old_orders",
                    "INSERT INTO " + db + ".old_orders VALUES (2)",
                    "CREATE TABLE " + db + ".keep_marker (id INT PRIMARY KEY)", "INSERT INTO " + db + ".keep_marker VALUES (1)");
            // the marker is committed after the insert into the renamed table: once it arrived, that insert would have too
            read(servers, "Topic_" + db + "_keep_marker", 1);

            assertThat(TopicReader.read(servers.kafka().bootstrapServers(), "Topic_" + db + "_old_orders", 1,
                    Duration.ofSeconds(3))).as("no topic for the unselected name").isEmpty();
            List<String> kept = TopicReader.read(servers.kafka().bootstrapServers(), "Topic_" + db + "_keep_orders", 10,
                    Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).toList();
            assertThat(kept).noneMatch(v -> v.contains("\"id\":\"2\""));
            assertThat(kept).as("the rename told the old table's consumers").anyMatch(v -> v.contains("RENAME TABLE"));
        }
    }

    @Test
    void aShardingColumnTheTableDoesNotHaveStopsTheStartNamingIt(Servers servers) throws Exception {
        String db = "it_sharding";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, a INT)");
        Properties p = properties(servers, db, 6303);
        p.setProperty("relay.sharding-columns." + db + ".t", "a,region");
        assertThatThrownBy(() -> TestRelay.start(p)).isInstanceOf(SettingsException.class)
                .hasMessage("relay.sharding-columns." + db + ".t names column region, which " + db
                        + ".t does not have: use some of id, a.");
    }

    private static Properties properties(Servers servers, String db, long serverId) throws Exception {
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        return TestRelay.properties(servers, db, dataDir, serverId);
    }

    private static List<ConsumerRecord<String, String>> read(Servers servers, String topic, int count) {
        return TopicReader.readAtLeast(servers.kafka().bootstrapServers(), topic, count, WAIT);
    }
}
