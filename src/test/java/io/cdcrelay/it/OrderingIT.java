package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.OrderingWorkload.Event;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/ordering.md's rules against real servers, with a seeded random workload: under Hash every key's
 * changes arrive in one partition in commit order; under One the whole stream is the commit order with
 * each transaction whole.
 */
@ExtendWith(RealServers.class)
class OrderingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void underHashEachKeysChangesArriveInOnePartitionInCommitOrder(Servers servers) throws Exception {
        String db = "it_hash";
        OrderingWorkload workload = new OrderingWorkload(servers.mariaDb(), db, 42);
        Properties p = properties(servers, db, 6101);
        p.setProperty("relay.sharding-columns." + db + ".accounts", "code");
        try (TestRelay relay = TestRelay.start(p)) {
            awaitStreaming(servers, db);
            workload.run(300);

            Map<String, List<Event>> expected = workload.byKey();
            Map<String, List<Event>> actual = new LinkedHashMap<>();
            Map<String, Set<Integer>> partitions = new LinkedHashMap<>();
            int itemEvents = (int) expected.values().stream().flatMap(List::stream).filter(e -> e.table().equals("items")).count();
            for (String table : List.of("items", "accounts")) {
                int count = table.equals("items") ? itemEvents : workload.events() - itemEvents;
                for (ConsumerRecord<String, String> r : read(servers, "Topic_" + db + "_" + table, count)) {
                    actual.computeIfAbsent(table + r.key(), k -> new ArrayList<>()).add(event(table, r));
                    partitions.computeIfAbsent(table + r.key(), k -> new LinkedHashSet<>()).add(r.partition());
                }
            }
            assertThat(actual).as("per key, the consumed sequence is the committed sequence").isEqualTo(expected);
            assertThat(partitions.values()).allSatisfy(set -> assertThat(set).hasSize(1));
            assertThat(expected.keySet().stream().filter(k -> k.startsWith("accounts")).anyMatch(
                    k -> expected.get(k).stream().map(Event::op).toList().containsAll(List.of("DELETE", "INSERT"))))
                    .as("the workload deleted and re-inserted a code").isTrue();
        }
    }

    @Test
    void underOneTheWholeStreamIsTheCommitOrderWithTransactionsWhole(Servers servers) throws Exception {
        String db = "it_one";
        OrderingWorkload workload = new OrderingWorkload(servers.mariaDb(), db, 7);
        Properties p = properties(servers, db, 6102);
        p.setProperty("relay.partitioning", "one");
        p.setProperty("relay.transaction-sequence", "true");
        p.setProperty("relay.sharding-columns." + db + ".accounts", "code");
        p.setProperty("relay.topic.map." + db + ".items", db + "-stream");
        p.setProperty("relay.topic.map." + db + ".accounts", db + "-stream");
        try (TestRelay relay = TestRelay.start(p)) {
            awaitStreaming(servers, db);
            workload.run(200);

            List<ConsumerRecord<String, String>> records = read(servers, db + "-stream", workload.events());
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0);
            List<Event> actual = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                actual.add(event(TopicReader.header(r, "relay.table"), r));
            }
            List<Event> expected = workload.transactions().stream().flatMap(List::stream).toList();
            assertThat(actual).as("the stream is the commit order").isEqualTo(expected);
            assertTransactionsWhole(records, workload.transactions());
        }
    }

    /** Each transaction's messages are contiguous, numbered 1..n, the n-th marked last, under one id. */
    private static void assertTransactionsWhole(List<ConsumerRecord<String, String>> records, List<List<Event>> transactions) {
        int at = 0;
        for (List<Event> tx : transactions) {
            List<ConsumerRecord<String, String>> mine = records.subList(at, at + tx.size());
            assertThat(mine).extracting(r -> TopicReader.header(r, "relay.tx")).containsOnly(TopicReader.header(mine.get(0), "relay.tx"));
            for (int i = 0; i < mine.size(); i++) {
                assertThat(TopicReader.header(mine.get(i), "relay.tx.last")).isEqualTo(i == mine.size() - 1 ? "true" : "false");
            }
            at += tx.size();
        }
        assertThat(at).isEqualTo(records.size());
    }

    private Event event(String table, ConsumerRecord<String, String> r) {
        try {
            JsonNode v = json.readTree(r.value());
            String op = v.get("recordType").asText();
            JsonNode image = op.equals("DELETE") ? v.get("prevStruct") : v.get("postStruct");
            String column = table.equals("items") ? "v" : "balance";
            return new Event(table, r.key(), op, image.get(column).asText());
        } catch (Exception e) {
            throw new AssertionError("not a Default message: " + r.value(), e);
        }
    }

    private static Properties properties(Servers servers, String db, long serverId) throws Exception {
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        return TestRelay.properties(servers, db, dataDir, serverId);
    }

    /** The tables are empty at start; a streamed row proves the snapshot is over. */
    private static void awaitStreaming(Servers servers, String db) throws Exception {
        servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
        String topic = "Topic_" + db + "_ready";
        assertThat(TopicReader.read(servers.kafka().bootstrapServers(), topic, 1, WAIT)).isNotEmpty();
    }

    private static List<ConsumerRecord<String, String>> read(Servers servers, String topic, int count) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(servers.kafka().bootstrapServers(), topic, count, WAIT);
        assertThat(records).as(topic).hasSize(count);
        return records;
    }
}
