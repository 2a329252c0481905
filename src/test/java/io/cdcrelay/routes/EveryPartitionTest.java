package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.sink.KafkaSinks;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DDL and heartbeats under rule Hash go to every partition of their topic, so a consumer of any partition sees
 * them: the route hands the sink one message marked {@link Outgoing#everyPartition()}, and the real Kafka sink
 * (over Kafka's MockProducer) sends one copy to each partition. The heartbeat comes through its own route file,
 * its timer replaced by a direct endpoint the test triggers.
 */
@CamelMainTest(replaceRouteFromWith = {"cdc=" + RelayRoutes.SOURCE, "heartbeat=" + EveryPartitionTest.BEAT})
class EveryPartitionTest {

    static final String BEAT = "direct:heartbeat";
    private static final int PARTITIONS = 3;
    private static final String TOPIC = "Topic_shop_orders";

    private final ExecutorService parking = Executors.newSingleThreadExecutor();
    private final RecordingProducer producer = new RecordingProducer(true);
    private final RecordingSink sink = RecordingSink.before(
            KafkaSinks.over(producer, topic -> PARTITIONS, Optional.empty(), parking));
    private final RelayRoutes relay = new RelayRoutes(sink, "relay.partitioning", "hash");

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, RelayRoutes.ROUTES.resolve("cdc.camel.yaml"),
                RelayRoutes.ROUTES.resolve("heartbeat.camel.yaml"));
    }

    @AfterEach
    void stopParking() {
        parking.shutdownNow();
    }

    @Test
    void aDdlLeavesTheRouteForEveryPartitionAndKafkaGetsOneCopyInEach() throws Exception {
        assertThat(RelayRoutes.outcomeOf(relay.feed(Changes.ddl("ALTER TABLE orders ADD note VARCHAR(20)")))).isNull();

        Outgoing ddl = sink.awaitNext();
        assertThat(ddl.change().operation()).isEqualTo(Operation.DDL);
        assertThat(ddl.everyPartition()).isTrue();
        assertThat(ddl.partitionCount()).isEqualTo(PARTITIONS);
        assertOneCopyPerPartition(ddl, "DDL");
        assertThat(producer.history()).hasSize(PARTITIONS);
    }

    @Test
    void aHeartbeatLeavesItsRouteForEveryPartitionOfATopicTheRelaySentTo() throws Exception {
        // the heartbeat route beats only in topics the relay has sent to
        ChangeEvent insert = Changes.orders(Operation.INSERT, Map.of(), Changes.order(7, "10.50"),
                new TransactionInfo("0-1-49", 1, 1, true), false);
        assertThat(RelayRoutes.outcomeOf(relay.feed(insert))).isNull();
        assertThat(sink.awaitNext().everyPartition()).isFalse();
        producer.awaitSent();
        NotifyBuilder beaten = new NotifyBuilder(relay.context()).fromRoute("heartbeat")
                .filter(exchange -> exchange.getProperty(ExchangePropertyKey.SPLIT_INDEX) == null)
                .whenExactlyCompleted(1).create();

        Exchange beat;
        try (ProducerTemplate timer = relay.context().createProducerTemplate()) {
            beat = timer.asyncSend(BEAT, exchange -> { }).get(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(beat.getException()).isNull();
        assertThat(beaten.matches(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Outgoing heartbeat = sink.awaitNext();
        assertThat(heartbeat.change().operation()).isEqualTo(Operation.HEARTBEAT);
        assertThat(heartbeat.everyPartition()).isTrue();
        assertOneCopyPerPartition(heartbeat, "HEARTBEAT");
        assertThat(producer.history()).hasSize(1 + PARTITIONS);
    }

    private void assertOneCopyPerPartition(Outgoing message, String operation) throws InterruptedException {
        List<ProducerRecord<String, byte[]>> copies = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            copies.add(producer.awaitSent());
        }
        assertThat(copies).extracting(ProducerRecord::partition).containsExactly(0, 1, 2);
        for (ProducerRecord<String, byte[]> copy : copies) {
            assertThat(copy.topic()).isEqualTo(TOPIC);
            assertThat(copy.key()).isEqualTo(message.key());
            assertThat(copy.value()).isEqualTo(message.value());
            assertThat(new String(copy.headers().lastHeader("relay.op").value(), StandardCharsets.UTF_8))
                    .isEqualTo(operation);
        }
    }
}
