package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Under exactly-once the relay keeps its positions in a compacted topic; one a user made with Kafka's default
 * cleanup.policy=delete would lose them by age. The production jar refuses it at start as it refuses a wrong
 * setting: one sentence with the command that fixes it, exit code 2, no stack trace.
 */
@ExtendWith(RealServers.class)
class PositionsTopicIT {

    private static final String DB = "it_positions";

    @Test
    void aPositionsTopicThatDeletesByAgeStopsTheStartWithExitCode2AndOneSentence(Servers servers) throws Exception {
        servers.sql("CREATE DATABASE " + DB, "CREATE TABLE " + DB + ".t (id INT PRIMARY KEY)");
        Properties p = TestRelay.properties(servers, DB, servers.dir().resolve("relay-" + DB), 6701);
        p.setProperty("relay.delivery.guarantee", "exactly-once");
        String topic = DB + ".positions";
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers",
                servers.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        File log = servers.dir().resolve("relay-" + DB + ".log").toFile();
        Process relay = RelayProcess.start(p, log, "-Xmx384m");
        try {
            assertThat(relay.waitFor(90, TimeUnit.SECONDS)).as("stopped").isTrue();
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(relay.exitValue()).as(output).isEqualTo(2);
            assertThat(output).as(output).containsPattern("(?m)^" + Pattern.quote("cdc-relay: topic "
                    + topic + " (relay.delivery.positions-topic) has cleanup.policy=delete, which deletes saved "
                    + "positions by age: set it to compact (kafka-configs.sh --bootstrap-server " + servers.kafka().bootstrapServers()
                    + " --alter --entity-type topics --entity-name "
                    + topic + " --add-config cleanup.policy=compact), or name another topic in "
                    + "relay.delivery.positions-topic.") + "$");
            assertThat(output).as("no stack trace").doesNotContainPattern("(?m)^\\s+at ");
        } finally {
            relay.destroyForcibly();
        }
    }
}
