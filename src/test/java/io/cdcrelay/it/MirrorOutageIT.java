package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.FreePort;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The mirror while one cluster goes away and comes back: with clusters of its own (stopping the shared ones
 * would disturb other tests), every record written before, during and after each outage arrives.
 */
class MirrorOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void nothingIsLostWhenTheDestinationAndThenTheSourceGoAwayAndComeBack() throws Exception {
        Path dir = Path.of("target", "it-mirror-outage").toAbsolutePath();
        Directories.deleteRecursively(dir);
        int sourcePort = FreePort.pick();
        int destinationPort = FreePort.pick();
        EmbeddedKafka source = EmbeddedKafka.start(dir.resolve("source"), sourcePort);
        EmbeddedKafka destination = EmbeddedKafka.start(dir.resolve("destination"), destinationPort);
        try {
            SourceTopics topics = new SourceTopics(source.bootstrapServers());
            topics.create("m-outage", 2);
            Properties p = TestRelay.mirrorProperties(source.bootstrapServers(), destination.bootstrapServers(),
                    "m-outage", "g-outage", dir.resolve("relay"));
            // fail sends within seconds rather than the 2 minutes of the defaults, so the test sees the
            // consumer restart from its committed offsets
            p.setProperty("relay.mirror.destination.properties.delivery.timeout.ms", "6000");
            p.setProperty("relay.mirror.destination.properties.request.timeout.ms", "2000");
            p.setProperty("relay.mirror.destination.properties.max.block.ms", "4000");
            p.setProperty("relay.delivery.timeout", "20s");

            try (TestRelay relay = TestRelay.start(p)) {
                topics.send("m-outage", 100, 2, "before-");
                TopicReader.readAtLeast(destination.bootstrapServers(), "m-outage", 100, WAIT);

                destination.close();
                topics.send("m-outage", 100, 2, "destination-down-");
                Thread.sleep(15_000); // sends time out, the mirror restarts with backoff
                destination = EmbeddedKafka.start(dir.resolve("destination"), destinationPort);
                assertThat(distinctValues(destination, 200)).hasSize(200);

                source.close();
                Thread.sleep(10_000);
                source = EmbeddedKafka.start(dir.resolve("source"), sourcePort);
                topics.send("m-outage", 100, 2, "after-");
                Set<String> values = distinctValues(destination, 300);
                assertThat(values).hasSize(300)
                        .allMatch(v -> v.startsWith("before-") || v.startsWith("destination-down-") || v.startsWith("after-"));
                assertThat(relay.meters().find("relay.mirror.failures").counters()).as("the outage was noticed")
                        .isNotEmpty();
            }
        } finally {
            destination.close();
            source.close();
        }
    }

    /** Distinct values read from the destination topic once {@code count} distinct ones arrived, or at timeout. */
    private static Set<String> distinctValues(EmbeddedKafka destination, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Set<String> values = Set.of();
        while (values.size() < count && System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> records = TopicReader.read(destination.bootstrapServers(), "m-outage",
                    Integer.MAX_VALUE, Duration.ofSeconds(3));
            values = records.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
        }
        return values;
    }
}
