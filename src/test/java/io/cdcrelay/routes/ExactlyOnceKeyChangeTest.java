package io.cdcrelay.routes;

import static io.cdcrelay.change.Changes.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under rule One through the real cdc route: an UPDATE that moves its row to another key, inside a
 * source transaction, leaves as its DELETE and INSERT in the same Kafka transaction as the rest of the source
 * transaction, with the position after the UPDATE. The DELETE does not wait for its acknowledgement (the commit)
 * before the INSERT leaves: the transaction cannot commit with the UPDATE half in, so that wait would never end.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class ExactlyOnceKeyChangeTest {

    private static final String POSITIONS = "relay.positions";
    private static final Map<String, String> SERVER = Map.of("server", "relay");

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final RecordingSink sink = RecordingSink.before(new TransactionalKafkaSink(() -> producer, topic -> 3,
            POSITIONS, new PositionCodec("relay"),
            new TransactionalKafkaSink.Commits(1_000, Duration.ofSeconds(5), true, 1_000),
            Executors.newSingleThreadExecutor()));
    private final RelayRoutes relay = new RelayRoutes(sink, "relay.partitioning", "one",
            "relay.split-key-updates", "true", "relay.delivery.guarantee", "exactly-once");

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, RelayRoutes.ROUTES.resolve("cdc.camel.yaml"));
    }

    @Test
    void aKeyMoveInsideASourceTransactionIsCommittedWithItInOneKafkaTransaction() throws Exception {
        ChangeEvent first = Changes.orders(Operation.INSERT, Map.of(), order(9, "1.00"),
                new TransactionInfo("0-1-49", 1, 2, false), false);
        ChangeEvent move = Changes.orders(Operation.UPDATE, order(7, "10.50"), order(5, "10.50"),
                new TransactionInfo("0-1-49", 2, 2, true), false);

        CompletableFuture<Throwable> inserted = relay.feed(Outgoing.of(first, at(1)));
        CompletableFuture<Throwable> moved = relay.feed(Outgoing.of(move, at(2)));

        assertThat(RelayRoutes.outcomeOf(inserted)).isNull();
        assertThat(RelayRoutes.outcomeOf(moved)).isNull();
        assertThat(sink.received()).extracting(o -> o.change().operation())
                .containsExactly(Operation.INSERT, Operation.DELETE, Operation.INSERT);
        assertThat(producer.commitCount()).as("the source transaction is one Kafka transaction").isEqualTo(1);
        List<ProducerRecord<byte[], byte[]>> positions = producer.history().stream()
                .filter(r -> r.topic().equals(POSITIONS)).toList();
        assertThat(positions).hasSize(1);
        assertThat(new String(positions.get(0).value(), StandardCharsets.UTF_8)).as("the position after the UPDATE")
                .contains("\"row\":2");
    }

    private static ResumePoint at(int row) {
        return new ResumePoint(1, SERVER, Map.of("file", "binlog.000002", "pos", 5412L, "event", 1L, "row", row));
    }
}
