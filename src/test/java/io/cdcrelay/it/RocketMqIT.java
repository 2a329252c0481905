package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.it.OrderingWorkload.Event;
import io.cdcrelay.it.RealServers.RocketMq;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.common.utils.Utils;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * relay.sink=rocketmq against a real RocketMQ broker: the ordering workload of OrderingIT, read with an
 * orderly listener, arrives per key in one message queue in commit order; messages carry tag, keys and the
 * relay's user properties.
 */
@ExtendWith(RealServers.class)
class RocketMqIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void underHashEachKeysChangesArriveInOneQueueInCommitOrder(Servers servers, RocketMq rocketmq) throws Exception {
        String db = "it_rmq_hash";
        OrderingWorkload workload = new OrderingWorkload(servers.mariaDb(), db, 11);
        Properties p = properties(servers, rocketmq, db, 6401);
        p.setProperty("relay.sharding-columns." + db + ".accounts", "code");
        p.setProperty("relay.business-system-id", "bs-rmq");
        try (TestRelay relay = TestRelay.start(p)) {
            servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
            assertThat(RocketMqReader.read(rocketmq.namesrvAddr(), "Topic_" + db + "_ready", 1, WAIT)).isNotEmpty();
            workload.run(150);

            Map<String, List<Event>> actual = new LinkedHashMap<>();
            Map<String, Set<Integer>> queues = new LinkedHashMap<>();
            long items = workload.byKey().values().stream().flatMap(List::stream).filter(e -> e.table().equals("items")).count();
            for (String table : List.of("items", "accounts")) {
                int count = (int) (table.equals("items") ? items : workload.events() - items);
                List<MessageExt> messages = RocketMqReader.read(rocketmq.namesrvAddr(), "Topic_" + db + "_" + table, count, WAIT);
                assertThat(messages).as(table).hasSize(count);
                for (MessageExt m : messages) {
                    actual.computeIfAbsent(table + m.getKeys(), k -> new ArrayList<>()).add(event(table, m));
                    queues.computeIfAbsent(table + m.getKeys(), k -> new LinkedHashSet<>()).add(m.getQueueId());
                    assertThat(m.getTags()).isEqualTo(table);
                    assertThat(m.getUserProperty("relay.db")).isEqualTo(db);
                    assertThat(m.getUserProperty("relay.bsid")).isEqualTo("bs-rmq");
                    assertThat(m.getQueueId()).as("murmur2 of the key modulo the queue count")
                            .isEqualTo(kafkaPartition(m.getKeys(), 3));
                }
            }
            assertThat(actual).as("per key, the consumed sequence is the committed sequence").isEqualTo(workload.byKey());
            assertThat(queues.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        }
    }

    @Test
    void canalMessagesAndABroadcastDdlArriveThroughRocketMq(Servers servers, RocketMq rocketmq) throws Exception {
        String db = "it_rmq_canal";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        Properties p = properties(servers, rocketmq, db, 6402);
        p.setProperty("relay.format", "canal");
        try (TestRelay relay = TestRelay.start(p)) {
            servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
            assertThat(RocketMqReader.read(rocketmq.namesrvAddr(), "Topic_" + db + "_ready", 1, WAIT)).isNotEmpty();
            servers.sql("INSERT INTO " + db + ".t VALUES (1, 10)", "UPDATE " + db + ".t SET v = 11 WHERE id = 1",
                    "ALTER TABLE " + db + ".t ADD COLUMN w INT", "INSERT INTO " + db + ".t VALUES (2, 20, 5)");

            // insert, update, the ALTER in each of the 3 queues, insert
            List<MessageExt> messages = RocketMqReader.read(rocketmq.namesrvAddr(), "Topic_" + db + "_t", 6, WAIT);
            assertThat(messages).hasSize(6);
            ObjectMapper strict = new ObjectMapper().enable(
                    com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            List<com.alibaba.otter.canal.protocol.FlatMessage> flat = new ArrayList<>();
            for (MessageExt m : messages) {
                flat.add(strict.readValue(m.getBody(), com.alibaba.otter.canal.protocol.FlatMessage.class));
            }
            assertThat(flat).extracting(com.alibaba.otter.canal.protocol.FlatMessage::getType)
                    .containsOnly("INSERT", "UPDATE", "ALTER");
            assertThat(messages).filteredOn(m -> "DDL".equals(m.getUserProperty("relay.op")))
                    .extracting(MessageExt::getQueueId).containsExactlyInAnyOrder(0, 1, 2);
            MessageExt last = messages.stream().filter(m -> m.getKeys().equals("{\"id\":\"2\"}")).findFirst().orElseThrow();
            assertThat(messages.stream().filter(m -> m.getQueueId() == last.getQueueId()).map(m -> m.getUserProperty("relay.op")).toList())
                    .as("in the new row's queue the ALTER comes first").containsSubsequence("DDL", "INSERT");
            assertThat(new String(last.getBody(), StandardCharsets.UTF_8)).contains("\"w\":\"5\"");
        }
    }

    /**
     * The in-process tests above see the test class path, which carries the embedded broker and all of its
     * dependencies; the production jar carries only the client's. Its precheck asks the name server for brokers
     * and routes, and its run creates the topic and sends, all through that slimmer class path.
     */
    @Test
    void theProductionJarChecksCreatesItsTopicAndDeliversThroughRocketMq(Servers servers, RocketMq rocketmq)
            throws Exception {
        String db = "it_rmq_jar";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)");
        Properties p = properties(servers, rocketmq, db, 6405);
        File log = servers.dir().resolve(db + ".log").toFile();

        Process precheck = RelayProcess.start(p, log, List.of("--precheck"));
        assertThat(precheck.waitFor(120, TimeUnit.SECONDS)).as("the precheck stopped on its own").isTrue();
        String checked = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(precheck.exitValue()).as(checked).isZero();
        assertThat(checked).contains("PASS  destination reachable: RocketMQ name server at " + rocketmq.namesrvAddr()
                + ", 1 master broker", "PASS  topics: Topic_" + db + "_t to be created (3 queues on 1 master broker)");

        servers.sql("CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        Process relay = RelayProcess.start(p, log);
        try {
            // once this arrives the relay reads the binlog from before it: the changes below arrive as made
            servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
            assertThat(RocketMqReader.read(rocketmq.namesrvAddr(), "Topic_" + db + "_ready", 1, WAIT))
                    .as(Files.readString(log.toPath(), StandardCharsets.UTF_8)).hasSize(1);
            servers.sql("INSERT INTO " + db + ".t VALUES (1, 10)", "UPDATE " + db + ".t SET v = 11 WHERE id = 1");
            List<MessageExt> messages = RocketMqReader.read(rocketmq.namesrvAddr(), "Topic_" + db + "_t", 2, WAIT);
            assertThat(messages).as(Files.readString(log.toPath(), StandardCharsets.UTF_8))
                    .extracting(m -> m.getUserProperty("relay.op")).containsExactly("INSERT", "UPDATE");
            assertThat(messages).extracting(MessageExt::getQueueId).as("one key, one queue").containsOnly(
                    kafkaPartition("{\"id\":\"1\"}", 3));
        } finally {
            relay.destroy();
            relay.waitFor();
        }
    }

    private Event event(String table, MessageExt m) {
        try {
            JsonNode v = json.readTree(new String(m.getBody(), StandardCharsets.UTF_8));
            String op = v.get("recordType").asText();
            JsonNode image = op.equals("DELETE") ? v.get("prevStruct") : v.get("postStruct");
            return new Event(table, m.getKeys(), op, image.get(table.equals("items") ? "v" : "balance").asText());
        } catch (Exception e) {
            throw new AssertionError("not a Default message", e);
        }
    }

    private static Properties properties(Servers servers, RocketMq rocketmq, String db, long serverId) throws Exception {
        Path dataDir = servers.dir().resolve("relay-" + db);
        Directories.deleteRecursively(dataDir);
        Properties p = TestRelay.properties(servers, db, dataDir, serverId);
        p.setProperty("relay.sink", "rocketmq");
        p.setProperty("relay.rocketmq.namesrv-addr", rocketmq.namesrvAddr());
        return p;
    }

    /** The partition Kafka's own default partitioner picks for the key. */
    private static int kafkaPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
