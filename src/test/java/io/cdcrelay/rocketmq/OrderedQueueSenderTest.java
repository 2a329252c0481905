package io.cdcrelay.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedQueueSenderTest {

    /** A broker whose acknowledgements the test hands out by hand. */
    private static final class ManualBroker implements QueueTransport<String> {
        final List<List<String>> inFlight = new ArrayList<>();
        final List<Consumer<Throwable>> callbacks = new ArrayList<>();
        final List<String> stored = new ArrayList<>();

        @Override
        public synchronized void send(String topic, int queue, List<String> batch, Consumer<Throwable> done) {
            inFlight.add(batch);
            callbacks.add(done);
        }

        synchronized void ack(int i) {
            stored.addAll(inFlight.get(i));
            callbacks.get(i).accept(null);
        }

        synchronized void fail(int i) {
            callbacks.get(i).accept(new IllegalStateException("broker busy"));
        }
    }

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    @Test
    void aQueueHasOneBatchInFlightAndTheRestLeavesInOrderAfterItsAcknowledgement() {
        ManualBroker broker = new ManualBroker();
        OrderedQueueSender<String> sender = new OrderedQueueSender<>(broker, 2, 3, Duration.ofMillis(1), retries);
        List<String> done = new ArrayList<>();
        for (String m : List.of("a", "b", "c", "d", "e")) {
            sender.send("t", 0, m, f -> done.add(m));
        }
        assertThat(broker.inFlight).containsExactly(List.of("a"));

        broker.ack(0);
        assertThat(broker.inFlight.get(1)).containsExactly("b", "c");
        broker.ack(1);
        broker.ack(2);
        assertThat(broker.stored).containsExactly("a", "b", "c", "d", "e");
        assertThat(done).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void differentQueuesDoNotWaitForEachOther() {
        ManualBroker broker = new ManualBroker();
        OrderedQueueSender<String> sender = new OrderedQueueSender<>(broker, 10, 3, Duration.ofMillis(1), retries);
        sender.send("t", 0, "a", f -> { });
        sender.send("t", 1, "b", f -> { });
        assertThat(broker.inFlight).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aFailedBatchIsSentAgainBeforeAnythingBehindIt() throws Exception {
        ManualBroker broker = new ManualBroker();
        OrderedQueueSender<String> sender = new OrderedQueueSender<>(broker, 10, 3, Duration.ofMillis(1), retries);
        sender.send("t", 0, "a", f -> { });
        sender.send("t", 0, "b", f -> { });
        broker.fail(0);
        waitFor(() -> broker.inFlight.size() == 2);
        assertThat(broker.inFlight.get(1)).as("the retry").containsExactly("a");
        broker.ack(1);
        assertThat(broker.inFlight.get(2)).containsExactly("b");
    }

    @Test
    void whenRetriesRunOutTheBatchAndEverythingBehindItFail() throws Exception {
        ManualBroker broker = new ManualBroker();
        OrderedQueueSender<String> sender = new OrderedQueueSender<>(broker, 1, 2, Duration.ofMillis(1), retries);
        List<Throwable> outcomes = new ArrayList<>();
        sender.send("t", 0, "a", outcomes::add);
        sender.send("t", 0, "b", outcomes::add);
        broker.fail(0);
        waitFor(() -> broker.inFlight.size() == 2);
        broker.fail(1);
        assertThat(outcomes).hasSize(2).allSatisfy(f -> assertThat(f).hasMessage("broker busy"));
        assertThat(broker.stored).isEmpty();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
