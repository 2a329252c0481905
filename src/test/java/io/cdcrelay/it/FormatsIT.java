package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.alibaba.otter.canal.protocol.FlatMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One workload through every wire format against real MariaDB and Kafka: a transaction of four changes, a
 * column added by ALTER TABLE and used by the next row, a TRUNCATE, and heartbeats; with transaction
 * sequence and business system id on. Each table has its own topic (one partition, so the topic is in
 * commit order) and its own format.
 */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatsIT {

    private static final String DB = "it_formats";
    private static final List<String> FORMATS = List.of("default", "default-extend-column-type", "canal", "dataworks",
            "shareplex", "debezium");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private Servers servers;
    private TestRelay relay;

    @BeforeAll
    void relayEveryFormat(Servers servers) throws Exception {
        this.servers = servers;
        servers.sql("CREATE DATABASE " + DB);
        Path dataDir = servers.dir().resolve("relay-" + DB);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, DB, dataDir, 6004);
        p.setProperty("relay.topic.partitions", "1");
        p.setProperty("relay.transaction-sequence", "true");
        p.setProperty("relay.business-system-id", "bs-01");
        p.setProperty("relay.heartbeat.interval", "1s");
        for (String format : FORMATS) {
            String table = table(format);
            servers.sql("CREATE TABLE " + DB + "." + table + " (id BIGINT PRIMARY KEY, amount DECIMAL(10,2), note VARCHAR(20))");
            p.setProperty("relay.format.topic." + topic(format), format);
        }
        servers.sql("CREATE TABLE " + DB + ".ready (id INT PRIMARY KEY)");
        relay = TestRelay.start(p);
        // a row streamed from the binlog: the snapshot is over, what follows is read as it happens
        servers.sql("INSERT INTO " + DB + ".ready VALUES (1)");
        TopicReader.read(servers.kafka().bootstrapServers(), "Topic_" + DB + "_ready", 1, WAIT);
        for (String format : FORMATS) {
            String t = DB + "." + table(format);
            servers.sql("START TRANSACTION", "INSERT INTO " + t + " VALUES (1, 10.50, 'one')",
                    "INSERT INTO " + t + " VALUES (2, 20.00, 'two')", "UPDATE " + t + " SET amount = 12.00 WHERE id = 1",
                    "DELETE FROM " + t + " WHERE id = 2", "COMMIT");
            servers.sql("ALTER TABLE " + t + " ADD COLUMN extra INT", "INSERT INTO " + t + " VALUES (3, 3.00, 'three', 5)",
                    "TRUNCATE TABLE " + t);
        }
    }

    @Test
    void aTableCreatedRenamedAndDroppedWhileRelayingHasEachStatementBetweenItsRows() throws Exception {
        servers.sql("CREATE TABLE " + DB + ".t_new (id INT PRIMARY KEY)", "INSERT INTO " + DB + ".t_new VALUES (1)",
                "RENAME TABLE " + DB + ".t_new TO " + DB + ".t_renamed", "INSERT INTO " + DB + ".t_renamed VALUES (2)",
                "DROP TABLE " + DB + ".t_renamed");

        List<String> created = summary(readTopic("Topic_" + DB + "_t_new", "INSERT"));
        assertThat(created).containsSubsequence("DDL CREATE", "INSERT");
        List<String> renamed = summary(readTopic("Topic_" + DB + "_t_renamed", "DROP"));
        assertThat(renamed).containsSubsequence("INSERT", "DDL DROP");
        assertThat(created.size() + renamed.size()).as("RENAME in one of the two topics: " + created + renamed)
                .isEqualTo(5);
    }

    private List<String> summary(List<ConsumerRecord<String, String>> records) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : values(records)) {
            String type = n.get("recordType").asText();
            out.add(type.equals("DDL") ? "DDL " + n.at("/postStruct/ddl").asText().split(" ")[0].toUpperCase() : type);
        }
        return out.stream().filter(t -> !t.equals("HEARTBEAT")).toList();
    }

    @AfterAll
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void theDefaultFormatCarriesTheTransactionSequenceAndTheNewColumnAfterAlter() throws Exception {
        List<JsonNode> m = values(streamed("default"));
        assertThat(m).extracting(n -> n.get("recordType").asText())
                .containsSubsequence("INSERT", "INSERT", "UPDATE", "DELETE", "DDL", "INSERT", "DDL");
        JsonNode alter = m.stream().filter(n -> n.at("/postStruct/ddl").asText().startsWith("ALTER")).findFirst().orElseThrow();
        assertThat(alter.at("/allMetaData/record_primary_key").asText()).isEmpty();
        JsonNode afterAlter = m.get(m.indexOf(alter) + 1);
        assertThat(afterAlter.at("/postStruct/extra").asText()).isEqualTo("5");
        List<Long> sequence = m.stream().filter(n -> n.at("/allMetaData/storeDataSequence").isNumber())
                .map(n -> n.at("/allMetaData/storeDataSequence").asLong()).toList();
        assertThat(sequence).hasSizeGreaterThanOrEqualTo(6).isSorted();
    }

    @Test
    void everyMessageCarriesTheBusinessSystemIdAndTheTransactionHeaders() throws Exception {
        List<ConsumerRecord<String, String>> rows = streamed("canal").stream()
                .filter(r -> List.of("INSERT", "UPDATE", "DELETE").contains(TopicReader.header(r, "relay.op"))).toList();
        assertThat(rows).allSatisfy(r -> assertThat(TopicReader.header(r, "relay.bsid")).isEqualTo("bs-01"));
        List<ConsumerRecord<String, String>> tx = rows.subList(0, 4);
        assertThat(tx).extracting(r -> TopicReader.header(r, "relay.tx")).containsOnly(TopicReader.header(tx.get(0), "relay.tx"));
        assertThat(tx).extracting(r -> TopicReader.header(r, "relay.tx.seq")).containsExactly("1", "2", "3", "4");
        assertThat(tx).extracting(r -> TopicReader.header(r, "relay.tx.last")).containsExactly("false", "false", "false", "true");
    }

    @Test
    void sharePlexNumbersEachChangeInsideItsTransaction() throws Exception {
        List<JsonNode> tx = values(streamed("shareplex")).stream()
                .filter(n -> List.of("ins", "upd", "del").contains(n.at("/meta/op").asText())).limit(4).toList();
        assertThat(tx).extracting(n -> n.at("/meta/op").asText()).containsExactly("ins", "ins", "upd", "del");
        assertThat(tx).extracting(n -> n.at("/meta/idx").asText()).containsExactly("1/4", "2/4", "3/4", "4/4");
        assertThat(tx.get(2).get("data").toString()).isEqualTo("{\"amount\":\"12.00\"}");
        assertThat(tx.get(2).get("key").toString()).isEqualTo("{\"id\":\"1\"}");
        assertThat(values(streamed("shareplex"))).extracting(n -> n.at("/meta/op").asText()).contains("ddl", "truncate");
    }

    @Test
    void canalMessagesReadBackIntoFlatMessage() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<FlatMessage> messages = new ArrayList<>();
        for (ConsumerRecord<String, String> r : streamed("canal")) {
            messages.add(strict.readValue(r.value(), FlatMessage.class));
        }
        assertThat(messages).extracting(FlatMessage::getType).containsSubsequence("INSERT", "INSERT", "UPDATE", "DELETE",
                "ALTER", "INSERT", "TRUNCATE");
        FlatMessage update = messages.stream().filter(m -> m.getType().equals("UPDATE")).findFirst().orElseThrow();
        assertThat(update.getOld()).isEqualTo(List.of(Map.of("amount", "10.50")));
        assertThat(update.getMysqlType()).containsEntry("amount", "decimal(10,2)");
        assertThat(update.getGtid()).matches("\\d+-\\d+-\\d+");
    }

    @Test
    void dataworksWritesTypedValuesAndOneMessagePerUpdate() throws Exception {
        List<JsonNode> m = values(streamed("dataworks"));
        assertThat(m).extracting(n -> n.at("/payload/op").asText())
                .containsSubsequence("INSERT", "INSERT", "UPDATE_AFTER", "DELETE", "ALTER", "INSERT", "TRUNCATE");
        JsonNode update = m.stream().filter(n -> n.at("/payload/op").asText().equals("UPDATE_AFTER")).findFirst().orElseThrow();
        assertThat(update.at("/payload/before/dataColumn/amount").asDouble()).isEqualTo(10.5);
        assertThat(update.at("/payload/after/dataColumn/amount").asDouble()).isEqualTo(12.0);
        assertThat(update.at("/payload/after/dataColumn/id").isNumber()).isTrue();
        assertThat(update.at("/schema/source/dbVersion").asText()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theDebeziumFormatReadsBackWithKafkaConnectsJsonConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false", "converter.type", "value"));
        List<String> ops = new ArrayList<>();
        for (ConsumerRecord<String, String> r : streamed("debezium")) {
            Object value = converter.toConnectData(r.topic(), r.value().getBytes(StandardCharsets.UTF_8)).value();
            if (value instanceof Map<?, ?> map && map.get("op") != null) {
                ops.add((String) map.get("op"));
                if ("u".equals(map.get("op"))) {
                    assertThat(((Map<?, ?>) map.get("transaction")).get("total_order")).isEqualTo(3L);
                }
            }
        }
        assertThat(ops).containsSubsequence("c", "c", "u", "d", "c", "t");
    }

    @Test
    void heartbeatsArriveInEveryTopicInItsFormat() {
        assertThat(read("default", "HEARTBEAT")).isNotEmpty();
        assertThat(read("dataworks", "MHEARTBEAT")).isNotEmpty();
        assertThat(read("shareplex", "\"heartbeat\"")).isNotEmpty();
    }

    /** The topic's messages once its TRUNCATE arrived: the whole workload. */
    private List<ConsumerRecord<String, String>> streamed(String format) {
        return read(format, "TRUNCATE", "\"truncate\"", "\"op\":\"t\"");
    }

    /** Reads the format's topic until a message contains one of the markers. */
    private List<ConsumerRecord<String, String>> read(String format, String... markers) {
        return readTopic(topic(format), markers);
    }

    private List<ConsumerRecord<String, String>> readTopic(String topic, String... markers) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            out = TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE, Duration.ofSeconds(2));
            if (out.stream().anyMatch(r -> List.of(markers).stream().anyMatch(r.value()::contains))) {
                return out;
            }
        }
        throw new AssertionError("no message with " + List.of(markers) + " in " + topic + " within "
                + WAIT.toSeconds() + " s; read " + out.size() + " with relay.op "
                + out.stream().map(r -> TopicReader.header(r, "relay.op")).distinct().toList() + ", first: "
                + out.stream().limit(3).map(ConsumerRecord::value).toList());
    }

    private List<JsonNode> values(List<ConsumerRecord<String, String>> records) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            out.add(json.readTree(r.value()));
        }
        return out;
    }

    private static String table(String format) {
        return "t_" + format.replace('-', '_');
    }

    private static String topic(String format) {
        return "Topic_" + DB + "_" + table(format);
    }
}
