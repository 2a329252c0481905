package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.Servers;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A change Kafka refuses for itself (here: a 2 MB row over the producer's 1 MB request limit) against real
 * MariaDB and Kafka: with relay.dead-letter.topic it is parked there, named and counted, and the changes after
 * it keep flowing in order.
 */
@ExtendWith(RealServers.class)
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aChangeKafkaRefusesIsParkedWithItsReasonAndTheStreamGoesOn(Servers servers) throws Exception {
        String db = "it_dlq";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".docs (id INT PRIMARY KEY, body LONGTEXT)",
                "CREATE TABLE " + db + ".ready (id INT PRIMARY KEY)");
        Properties p = TestRelay.properties(servers, db, servers.dir().resolve("relay-" + db), 6701);
        p.setProperty("relay.dead-letter.topic", "relay-dead-letters");
        try (TestRelay relay = TestRelay.start(p)) {
            servers.sql("INSERT INTO " + db + ".ready VALUES (1)");
            TopicReader.readAtLeast(servers.kafka().bootstrapServers(), "Topic_" + db + "_ready", 1, WAIT);

            servers.sql("INSERT INTO " + db + ".docs VALUES (1, 'small')",
                    "INSERT INTO " + db + ".docs VALUES (2, REPEAT('x', 2000000))",
                    "INSERT INTO " + db + ".docs VALUES (3, 'small again')");

            List<ConsumerRecord<String, String>> docs = TopicReader.readAtLeast(servers.kafka().bootstrapServers(),
                    "Topic_" + db + "_docs", 2, WAIT);
            assertThat(docs).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("{\"id\":\"1\"}", "{\"id\":\"3\"}");
            List<ConsumerRecord<String, String>> parked = TopicReader.readAtLeast(servers.kafka().bootstrapServers(),
                    "relay-dead-letters", 1, WAIT);
            assertThat(parked).hasSize(1);
            ConsumerRecord<String, String> letter = parked.get(0);
            assertThat(letter.key()).isEqualTo("{\"id\":\"2\"}");
            assertThat(TopicReader.header(letter, "relay.dlq.topic")).isEqualTo("Topic_" + db + "_docs");
            assertThat(TopicReader.header(letter, "relay.dlq.reason")).startsWith("RecordTooLargeException");
            assertThat(TopicReader.header(letter, "relay.dlq.truncated")).isEqualTo("true");
            assertThat(Long.parseLong(TopicReader.header(letter, "relay.dlq.size"))).isGreaterThan(2_000_000);
            assertThat(TopicReader.header(letter, "relay.table")).isEqualTo("docs");
            assertThat(letter.value()).hasSizeLessThanOrEqualTo(512 * 1024);
            Counter counted = relay.meters().find("relay.dead.lettered").tag("topic", "Topic_" + db + "_docs").counter();
            assertThat(counted).isNotNull().extracting(Counter::count).isEqualTo(1.0);
        }
    }
}
