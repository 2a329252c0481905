package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import io.cdcrelay.change.Changes;
import io.cdcrelay.sink.KafkaSinks;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's {@code setHeader} step in {@code routes/cdc.camel.yaml}: the header reaches the Kafka record beside the
 * relay's own, with the value its expression gave for that change. The route is the real file with one step added
 * before {@code sink:changes}, loaded from a copy; the sink is the relay's Kafka sink over Kafka's MockProducer.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class RouteHeaderTest {

    private static final String SINK = "        - to:\n            uri: \"sink:changes\"";
    private static final String SET_HEADER = "        - setHeader:\n            name: amount\n"
            + "            simple: \"${body.change.after[amount]}\"\n";

    @TempDir
    static Path edited;

    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, new StringSerializer(),
            new ByteArraySerializer());
    private final RelayRoutes relay = new RelayRoutes(KafkaSinks.over(producer, topic -> 3, Optional.empty(),
            Executors.newSingleThreadExecutor()));

    @BeforeAll
    static void addTheStep() throws Exception {
        RelayRoutes.editedCdcRoute(edited, SINK, SET_HEADER + SINK);
    }

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, edited.resolve("cdc.camel.yaml"));
    }

    @Test
    void aHeaderTheRouteSetsReachesTheKafkaRecordBesideTheRelaysOwn() throws Exception {
        CompletableFuture<Throwable> sent = relay.feed(Changes.insert());

        assertThat(RelayRoutes.outcomeOf(sent)).isNull();
        List<ProducerRecord<String, byte[]>> records = producer.history();
        assertThat(records).hasSize(1);
        assertThat(text(records.get(0), "amount")).isEqualTo("10.50");
        assertThat(text(records.get(0), "relay.table")).isEqualTo("orders");
        assertThat(records.get(0).headers()).extracting(Header::key).as("the relay's own, then the route's")
                .containsExactly("relay.db", "relay.table", "relay.op", "relay.tx", "amount");
    }

    private static String text(ProducerRecord<String, byte[]> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
