package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import io.cdcrelay.it.RealServers.RocketMq;
import io.cdcrelay.it.RealServers.Servers;
import io.cdcrelay.partition.Murmur2;
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
                            .isEqualTo(Murmur2.partition(m.getKeys().getBytes(StandardCharsets.UTF_8), 3));
                }
            }
            assertThat(actual).as("per key, the consumed sequence is the committed sequence").isEqualTo(workload.byKey());
            assertThat(queues.values()).allSatisfy(set -> assertThat(set).hasSize(1));
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
}
