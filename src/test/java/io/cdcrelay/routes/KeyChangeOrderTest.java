package io.cdcrelay.routes;

import static io.cdcrelay.change.Changes.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Rule Hash through the real cdc route: an UPDATE that moves its row to another key leaves as a DELETE in the old
 * key's partition, then an INSERT in the new key's, each only after the one before it was acknowledged, and the
 * change fed after it leaves only after both. The sink holds every acknowledgement until the test gives it, so
 * each step is seen while the one before it is still unacknowledged.
 */
@CamelMainTest(replaceRouteFromWith = "cdc=" + RelayRoutes.SOURCE)
class KeyChangeOrderTest {

    private static final int PARTITIONS = 3;

    private final RecordingSink sink = RecordingSink.holding(PARTITIONS);
    private final RelayRoutes relay = new RelayRoutes(sink,
            "relay.partitioning", "hash", "relay.split-key-updates", "true");

    @Configure
    void routes(MainConfigurationProperties main) {
        relay.load(main, RelayRoutes.ROUTES.resolve("cdc.camel.yaml"));
    }

    @Test
    void aKeyChangingUpdateLeavesAsDeleteThenInsertAndTheNextChangeOnlyAfterBoth() throws Exception {
        // ids 7 and 5 hash to different partitions of 3 under Kafka's own partitioner
        String oldKey = "{\"id\":\"7\"}";
        String newKey = "{\"id\":\"5\"}";
        assertThat(kafkaPartition(oldKey)).isNotEqualTo(kafkaPartition(newKey));
        ChangeEvent move = Changes.orders(Operation.UPDATE, order(7, "10.50"), order(5, "10.50"),
                new TransactionInfo("0-1-49", 1, 2, false), false);
        ChangeEvent next = Changes.orders(Operation.INSERT, Map.of(), order(9, "1.00"),
                new TransactionInfo("0-1-49", 2, 2, true), false);
        // the changes fed, not the parts the split hands on: those complete as exchanges of the route too
        NotifyBuilder bothDone = new NotifyBuilder(relay.context()).fromRoute("cdc")
                .filter(exchange -> exchange.getProperty(ExchangePropertyKey.SPLIT_INDEX) == null)
                .whenExactlyCompleted(2).create();

        CompletableFuture<Throwable> moved = relay.feed(move);
        CompletableFuture<Throwable> after = relay.feed(next);

        Outgoing delete = sink.awaitNext();
        assertThat(delete.change().operation()).isEqualTo(Operation.DELETE);
        assertThat(delete.key()).isEqualTo(oldKey);
        assertThat(delete.partition()).isEqualTo(kafkaPartition(oldKey));
        assertThat(delete.headers()).containsEntry("relay.op", "DELETE");
        // what has left so far: the synchronous split lets nothing follow before this acknowledgement
        assertThat(sink.received()).hasSize(1);
        assertThat(moved).isNotDone();
        sink.acknowledge();

        Outgoing insert = sink.awaitNext();
        assertThat(insert.change().operation()).isEqualTo(Operation.INSERT);
        assertThat(insert.key()).isEqualTo(newKey);
        assertThat(insert.partition()).isEqualTo(kafkaPartition(newKey));
        assertThat(sink.received()).hasSize(2);
        assertThat(moved).isNotDone();
        sink.acknowledge();

        Outgoing third = sink.awaitNext();
        assertThat(third.key()).isEqualTo("{\"id\":\"9\"}");
        sink.acknowledge();

        assertThat(RelayRoutes.outcomeOf(moved)).isNull();
        assertThat(RelayRoutes.outcomeOf(after)).isNull();
        assertThat(bothDone.matches(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.received()).extracting(Outgoing::key).containsExactly(oldKey, newKey, "{\"id\":\"9\"}");
        // the INSERT left after the DELETE's answer, but not on the answering thread (the broker client's, live)
        assertThat(sink.senders().get(1)).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aRefusedDeleteStopsItsInsertSoTheNewKeyNeverLeavesFirst() throws Exception {
        ChangeEvent move = Changes.orders(Operation.UPDATE, order(7, "10.50"), order(5, "10.50"),
                new TransactionInfo("0-1-50", 1, 1, true), false);

        CompletableFuture<Throwable> moved = relay.feed(move);
        assertThat(sink.awaitNext().change().operation()).isEqualTo(Operation.DELETE);
        sink.refuse(new IllegalStateException("broker refused the DELETE"));

        assertThat(RelayRoutes.outcomeOf(moved)).hasMessageContaining("broker refused the DELETE");
        assertThat(sink.received()).extracting(o -> o.change().operation()).containsExactly(Operation.DELETE);
    }

    /** Kafka's default partitioner, which rule Hash promises to match. */
    private static int kafkaPartition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
