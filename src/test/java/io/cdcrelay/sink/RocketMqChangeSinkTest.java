package io.cdcrelay.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import io.cdcrelay.change.Changes;
import io.cdcrelay.rocketmq.OrderedQueueSender;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the RocketMQ sink makes of a change: its headers, the relay's and those a route step set, as user
 * properties; the table as tag; the message key as keys; to the message queue the partitioner chose.
 */
class RocketMqChangeSinkTest {

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final List<Message> sent = new ArrayList<>();
    private final List<Integer> queues = new ArrayList<>();
    private final RocketMqChangeSink sink = new RocketMqChangeSink(new OrderedQueueSender<>(
            (topic, queue, batch, done) -> {
                sent.addAll(batch);
                batch.forEach(m -> queues.add(queue));
                done.accept(null);
            }, 16, 3, Duration.ofMillis(10), retries), topic -> 4);

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    @Test
    void theHeadersOfAChangeBecomeUserPropertiesOfItsMessage() {
        Outgoing change = Outgoing.of(Changes.insert()).toTopic("Topic_shop_orders", 4).toPartition(2, "[7]")
                .withHeaders(Map.of("relay.table", "orders", "amount-band", "small"))
                .withValue("{}".getBytes(StandardCharsets.UTF_8));
        AtomicReference<Throwable> outcome = new AtomicReference<>(new AssertionError("not acknowledged"));

        sink.send(change, outcome::set);

        assertThat(outcome.get()).isNull();
        assertThat(sent).hasSize(1);
        Message message = sent.get(0);
        assertThat(message.getUserProperty("amount-band")).isEqualTo("small");
        assertThat(message.getUserProperty("relay.table")).isEqualTo("orders");
        assertThat(message.getTags()).isEqualTo("orders");
        assertThat(message.getKeys()).isEqualTo("[7]");
        assertThat(queues).containsExactly(2);
    }
}
