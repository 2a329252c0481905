package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cdc-to-kafka route against real MariaDB and Kafka: snapshot and binlog changes arrive in the Default
 * format, in each table's topic, in the partition of their key, in commit order per key.
 */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdcToKafkaIT {

    private static final String DB = "it_cdc";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private Servers servers;
    private TestRelay relay;

    @BeforeAll
    void startRelay(Servers servers) throws Exception {
        this.servers = servers;
        servers.sql("CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".items (id INT PRIMARY KEY, name VARCHAR(20), qty INT)",
                "CREATE TABLE " + DB + ".parts (id INT PRIMARY KEY, name VARCHAR(20), qty INT)",
                "CREATE TABLE " + DB + ".accounts (code VARCHAR(10) NOT NULL, note VARCHAR(20), email VARCHAR(40),"
                        + " UNIQUE KEY uk_email (email), UNIQUE KEY uk_code (code))",
                "CREATE TABLE " + DB + ".typed (id INT PRIMARY KEY, i INT, bu BIGINT UNSIGNED, d DECIMAL(10,2),"
                        + " f FLOAT, dbl DOUBLE, big DOUBLE, dt DATE, t TIME(3), dt0 DATETIME, dt6 DATETIME(6),"
                        + " ts TIMESTAMP(3) NULL, y YEAR, c CHAR(3), v VARCHAR(20), tx TEXT, e ENUM('x','y'),"
                        + " s SET('a','b','c'), j JSON, b BINARY(4), bl BLOB, b1 BIT(1), b12 BIT(12), n INT NULL)",
                // rows that exist before the relay starts come from the snapshot
                "INSERT INTO " + DB + ".items VALUES (1, 'one', 1), (2, 'two', 2)",
                "CREATE TABLE " + DB + ".ready (id INT PRIMARY KEY)");
        // an existing topic keeps its partition count, and the hash uses that count
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("Topic_" + DB + "_parts", 5, (short) 1))).all().get();
        }
        Path dataDir = servers.dir().resolve("relay-" + DB);
        Directories.deleteRecursively(dataDir);
        relay = TestRelay.start(TestRelay.properties(servers, DB, dataDir, 6001));
        // a streamed row: the snapshot is over, so the tests' changes come from the binlog
        servers.sql("INSERT INTO " + DB + ".ready VALUES (1)");
        read("Topic_" + DB + "_ready", 1);
    }

    @AfterAll
    void stopRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void changesOfAPrimaryKeyTableArriveInCommitOrderPerKeyInTheDefaultFormat() throws Exception {
        servers.sql("START TRANSACTION", "INSERT INTO " + DB + ".items VALUES (3, 'three', 3)",
                "UPDATE " + DB + ".items SET qty = 10 WHERE id = 1", "COMMIT");
        servers.sql("START TRANSACTION", "UPDATE " + DB + ".items SET qty = 30 WHERE id = 3",
                "DELETE FROM " + DB + ".items WHERE id = 2", "COMMIT");
        servers.sql("UPDATE " + DB + ".items SET qty = 11 WHERE id = 1");

        Map<String, List<JsonNode>> byKey = byKey(read("Topic_" + DB + "_items", 7));

        assertThat(types(byKey.get("{\"id\":\"1\"}"))).containsExactly("INSERT", "UPDATE", "UPDATE");
        assertThat(types(byKey.get("{\"id\":\"2\"}"))).containsExactly("INSERT", "DELETE");
        assertThat(types(byKey.get("{\"id\":\"3\"}"))).containsExactly("INSERT", "UPDATE");
        assertThat(byKey.get("{\"id\":\"1\"}").stream().map(m -> m.at("/postStruct/qty").asText()))
                .containsExactly("1", "10", "11");

        JsonNode snapshotRow = byKey.get("{\"id\":\"1\"}").get(0);
        assertThat(snapshotRow.at("/allMetaData/checkpoint").asText()).isEqualTo("id=1");
        assertThat(snapshotRow.at("/allMetaData/timestamp").isNull()).isTrue();

        JsonNode update = byKey.get("{\"id\":\"3\"}").get(1);
        assertThat(json.writeValueAsString(update.get("prevStruct"))).isEqualTo("{\"id\":\"3\",\"name\":\"three\",\"qty\":\"3\"}");
        assertThat(json.writeValueAsString(update.get("postStruct"))).isEqualTo("{\"id\":\"3\",\"name\":\"three\",\"qty\":\"30\"}");
        JsonNode meta = update.get("allMetaData");
        assertThat(meta.get("record_primary_key").asText()).isEqualTo("id");
        assertThat(meta.get("record_primary_value").asText()).isEqualTo("3");
        assertThat(meta.get("db").asText()).isEqualTo(DB);
        assertThat(meta.get("table_name").asText()).isEqualTo("items");
        assertThat(meta.get("source_identity").asText()).isEqualTo(DB);
        assertThat(meta.get("dbType").asText()).isEqualTo("MYSQL");
        assertThat(meta.get("uniqueId").asText()).as("MariaDB GTID").matches("\\d+-\\d+-\\d+");
        assertThat(meta.get("checkpoint").asText()).isEqualTo(meta.get("timestamp").asText()).matches("\\d{10}");

        JsonNode delete = byKey.get("{\"id\":\"2\"}").get(1);
        assertThat(delete.has("postStruct")).isFalse();
        assertThat(delete.at("/prevStruct/name").asText()).isEqualTo("two");
    }

    @Test
    void everyMessageIsInThePartitionOfItsKeyAmongTheExistingTopicsPartitionsAndCarriesTheRelayHeaders() throws Exception {
        servers.sql("INSERT INTO " + DB + ".parts VALUES (40, 'forty', 40), (41, 'forty-one', 41), (42, 'forty-two', 42)");
        List<ConsumerRecord<String, String>> records = read("Topic_" + DB + "_parts", 3);

        assertThat(records).hasSize(3);
        for (ConsumerRecord<String, String> r : records) {
            assertThat(r.partition()).isEqualTo(kafkaPartition(r.key(), 5));
            assertThat(TopicReader.header(r, "relay.db")).isEqualTo(DB);
            assertThat(TopicReader.header(r, "relay.table")).isEqualTo("parts");
            assertThat(TopicReader.header(r, "relay.op")).isEqualTo("INSERT");
            assertThat(TopicReader.header(r, "relay.tx")).matches("\\d+-\\d+-\\d+");
        }
    }

    @Test
    void aTableKeyedOnlyByAUniqueKeyIsKeyedByItsSmallestNonNullUniqueKey() throws Exception {
        servers.sql("INSERT INTO " + DB + ".accounts VALUES ('A', 'first', NULL), ('B', 'second', 'b@example.com')",
                "UPDATE " + DB + ".accounts SET note = 'changed' WHERE code = 'A'",
                "DELETE FROM " + DB + ".accounts WHERE code = 'B'");

        Map<String, List<JsonNode>> byKey = byKey(read("Topic_" + DB + "_accounts", 4));

        assertThat(byKey).containsOnlyKeys("{\"code\":\"A\"}", "{\"code\":\"B\"}");
        assertThat(types(byKey.get("{\"code\":\"A\"}"))).containsExactly("INSERT", "UPDATE");
        assertThat(types(byKey.get("{\"code\":\"B\"}"))).containsExactly("INSERT", "DELETE");
        JsonNode update = byKey.get("{\"code\":\"A\"}").get(1);
        assertThat(update.at("/allMetaData/record_primary_key").asText()).isEqualTo("code");
        assertThat(update.at("/allMetaData/record_primary_value").asText()).isEqualTo("A");
        assertThat(update.at("/prevStruct/note").asText()).isEqualTo("first");
        assertThat(update.at("/postStruct/note").asText()).isEqualTo("changed");
    }

    @Test
    void everyMappedColumnTypeIsRenderedAsTheMySqlClientPrintsIt() throws Exception {
        servers.sql("SET time_zone = '+00:00'", "INSERT INTO " + DB + ".typed VALUES (1, -7, 18446744073709551615, 10.50,"
                + " 1.5, 12345678.125, 1e20, '2026-11-21', '123:05:09.250', '2026-11-21 13:05:09',"
                + " '2026-11-21 13:05:09.123456', '2026-11-21 13:05:09.120', 2026, 'ab', 'Zürich 🎁', 'long text',"
                + " 'y', 'a,c', '{\"k\": 1}', 0x01020304, 0xCAFE, 1, b'101000000001', NULL)");

        JsonNode row = read("Topic_" + DB + "_typed", 1).stream().map(this::value).findFirst().orElseThrow()
                .get("postStruct");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "1");
        expected.put("i", "-7");
        expected.put("bu", "18446744073709551615");
        expected.put("d", "10.50");
        expected.put("f", "1.5");
        expected.put("dbl", "12345678.125");
        expected.put("big", "100000000000000000000");
        expected.put("dt", "2026-11-21");
        expected.put("t", "123:05:09.250");
        expected.put("dt0", "2026-11-21 13:05:09");
        expected.put("dt6", "2026-11-21 13:05:09.123456");
        expected.put("ts", "2026-11-21 13:05:09.120");
        expected.put("y", "2026");
        expected.put("c", "ab");
        expected.put("v", "Zürich 🎁");
        expected.put("tx", "long text");
        expected.put("e", "y");
        expected.put("s", "a,c");
        expected.put("j", "{\"k\": 1}");
        expected.put("b", "AQIDBA==");
        expected.put("bl", "yv4=");
        expected.put("b1", "1");
        expected.put("b12", "CgE=");
        Map<String, String> actual = new LinkedHashMap<>();
        row.fields().forEachRemaining(f -> actual.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
        assertThat(actual).containsAllEntriesOf(expected);
        assertThat(actual).containsEntry("n", null);
        assertThat(List.copyOf(actual.keySet())).as("table column order").startsWith("id", "i", "bu", "d", "f");
    }

    private List<ConsumerRecord<String, String>> read(String topic, int count) {
        return TopicReader.readAtLeast(servers.kafka().bootstrapServers(), topic, count, WAIT);
    }

    private Map<String, List<JsonNode>> byKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(value(r));
        }
        return byKey;
    }

    private JsonNode value(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("recordType").asText()).toList();
    }

    /** The partition Kafka's own default partitioner picks for the key. */
    private static int kafkaPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
