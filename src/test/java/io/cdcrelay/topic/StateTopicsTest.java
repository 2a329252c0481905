package io.cdcrelay.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.cdcrelay.config.StateSettings.KafkaState;
import io.cdcrelay.topic.StateTopics.Problem;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class StateTopicsTest {

    private static final KafkaState STATE = new KafkaState("k1:9092", "relay.kafka.bootstrap-servers", Map.of(),
            "shop.offsets", "shop.schema-history", (short) 3);

    private static final Map<String, String> HISTORY_AS_CREATED = Map.of("cleanup.policy", "delete",
            "retention.ms", "-1", "retention.bytes", "-1");

    @Test
    void theRelayCreatesACompactedOffsetsTopicAndAOnePartitionHistoryKeptForever() {
        NewTopic offsets = StateTopics.offsets(STATE);
        NewTopic history = StateTopics.schemaHistory(STATE);

        assertThat(offsets.name()).isEqualTo("shop.offsets");
        assertThat(offsets.numPartitions()).isEqualTo(1);
        assertThat(offsets.replicationFactor()).isEqualTo((short) 3);
        assertThat(offsets.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(history.name()).isEqualTo("shop.schema-history");
        assertThat(history.numPartitions()).isEqualTo(1);
        assertThat(history.replicationFactor()).isEqualTo((short) 3);
        assertThat(history.configs()).isEqualTo(HISTORY_AS_CREATED);
    }

    @Test
    void anOffsetsTopicThatIsOnlyCompactedIsUsableWithAnyPartitionCount() {
        assertThat(StateTopics.offsetsProblem(STATE, Map.of("cleanup.policy", "compact"))).isEmpty();
    }

    @Test
    void anOffsetsTopicThatDeletesFailsWithTheCommandThatCompactsIt() {
        for (String policy : new String[] {"delete", "compact,delete"}) {
            Problem problem = StateTopics.offsetsProblem(STATE, Map.of("cleanup.policy", policy)).orElseThrow();

            assertThat(problem.what()).isEqualTo("has cleanup.policy=" + policy + ", but the offsets need compact (only)");
            assertThat(problem.fix()).isEqualTo("set it with kafka-configs.sh --bootstrap-server k1:9092 --alter "
                    + "--entity-type topics --entity-name shop.offsets --add-config cleanup.policy=compact, or name "
                    + "another topic in relay.state.kafka.offsets-topic");
        }
    }

    @Test
    void aHistoryTopicAsTheRelayOrDebeziumCreatesItIsUsable() {
        assertThat(StateTopics.schemaHistoryProblem(STATE, 1, HISTORY_AS_CREATED)).isEmpty();
        // Debezium's own creation writes the longest time rather than -1
        assertThat(StateTopics.schemaHistoryProblem(STATE, 1, Map.of("cleanup.policy", "delete",
                "retention.ms", String.valueOf(Long.MAX_VALUE), "retention.bytes", "-1"))).isEmpty();
    }

    @Test
    void aHistoryTopicWithSeveralPartitionsFailsNamingANewTopicAsTheFix() {
        Problem problem = StateTopics.schemaHistoryProblem(STATE, 3, HISTORY_AS_CREATED).orElseThrow();

        assertThat(problem.what()).isEqualTo("has 3 partitions, but Debezium reads the history in order from one");
        assertThat(problem.fix()).startsWith("name a new topic in relay.state.kafka.schema-history-topic, which the "
                + "relay creates with one partition");
    }

    @Test
    void aHistoryTopicThatForgetsOldRecordsFailsWithTheCommandThatKeepsThem() {
        Problem problem = StateTopics.schemaHistoryProblem(STATE, 1, Map.of("cleanup.policy", "delete",
                "retention.ms", "604800000", "retention.bytes", "-1")).orElseThrow();

        assertThat(problem.what()).isEqualTo("deletes old records (retention.ms=604800000, retention.bytes=-1), but "
                + "Debezium needs every record since the first start");
        assertThat(problem.fix()).isEqualTo("kafka-configs.sh --bootstrap-server k1:9092 --alter --entity-type topics "
                + "--entity-name shop.schema-history --add-config retention.ms=-1,retention.bytes=-1");
        assertThat(StateTopics.schemaHistoryProblem(STATE, 1, Map.of("cleanup.policy", "delete",
                "retention.ms", "-1", "retention.bytes", "1073741824"))).isPresent();
        // Kafka's default of seven days applies when the topic says nothing
        assertThat(StateTopics.schemaHistoryProblem(STATE, 1, Map.of("cleanup.policy", "delete"))).isPresent();
    }

    @Test
    void aCompactedHistoryTopicFailsSinceItRefusesRecordsWithoutKey() {
        Problem problem = StateTopics.schemaHistoryProblem(STATE, 2, Map.of("cleanup.policy", "compact",
                "retention.ms", "-1", "retention.bytes", "-1")).orElseThrow();

        assertThat(problem.what()).isEqualTo("has 2 partitions, but Debezium reads the history in order from one, and "
                + "has cleanup.policy=compact, which refuses the history's records (they have no key)");
        assertThat(problem.fix()).endsWith("; kafka-configs.sh --bootstrap-server k1:9092 --alter --entity-type topics "
                + "--entity-name shop.schema-history --add-config cleanup.policy=delete");
    }
}
