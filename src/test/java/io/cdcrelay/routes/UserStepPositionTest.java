package io.cdcrelay.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.position.PositionCodec;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.sink.Outgoing;
import io.cdcrelay.sink.TransactionalKafkaSink;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A step a user adds to the route that rebuilds the change's body the way a masking step would,
 * {@code Outgoing.of(change)}, which carries no source position: under exactly-once the position the change was
 * read at is still committed with it, not taken for a heartbeat's absence of one.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class UserStepPositionTest {

    private static final String POSITIONS = "relay.positions";
    private static final Map<String, String> SERVER = Map.of("server", "relay");
    /** The shipped cdc route with one user step before the value is rendered. */
    private static final Path ROUTE = withUserStep();

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final TransactionalKafkaSink sink = new TransactionalKafkaSink(() -> producer, topic -> 3, POSITIONS,
            new PositionCodec("relay"), new TransactionalKafkaSink.Commits(1_000, Duration.ofSeconds(5), true, 1_000),
            Executors.newSingleThreadExecutor());
    private final RelayRoutes relay = new RelayRoutes(sink, "relay.delivery.guarantee", "exactly-once");

    @Configure
    void routes(MainConfigurationProperties main) {
        main.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) {
                camel.getRegistry().bind("rebuildChange", (Processor) exchange -> exchange.getMessage().setBody(
                        Outgoing.of(exchange.getMessage().getBody(Outgoing.class).change())
                                .toTopic("Topic_shop_orders", 3)));
            }
        });
        relay.load(main, ROUTE);
    }

    @Test
    void aChangeRebuiltWithoutItsPositionByAUserStepStillCommitsThePositionItWasReadAt() throws Exception {
        ChangeEvent insert = Changes.orders(Operation.INSERT, Map.of(), Changes.order(9, "1.00"),
                new TransactionInfo("0-1-49", 1, 1, true), false);

        CompletableFuture<Throwable> sent = relay.feed(Outgoing.of(insert, new ResumePoint(1, SERVER,
                Map.of("file", "binlog.000002", "pos", 5412L, "event", 1L, "row", 1))));

        assertThat(RelayRoutes.outcomeOf(sent)).isNull();
        List<ProducerRecord<byte[], byte[]>> positions = producer.history().stream()
                .filter(r -> r.topic().equals(POSITIONS)).toList();
        assertThat(positions).as("the position committed with the change").hasSize(1);
        assertThat(new String(positions.get(0).value(), StandardCharsets.UTF_8)).contains("\"pos\":5412");
    }

    private static Path withUserStep() {
        try {
            String shipped = Files.readString(RelayRoutes.ROUTES.resolve("cdc.camel.yaml"));
            String marker = "        # value in relay.format";
            assertThat(shipped).contains(marker);
            Path dir = Files.createDirectories(Path.of("target", "user-step-routes"));
            return Files.writeString(dir.resolve("cdc.camel.yaml"), shipped.replace(marker,
                    "        - process:\n            ref: rebuildChange\n" + marker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
