package io.cdcrelay.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.TransactionInfo;
import org.junit.jupiter.api.Test;

/** Rule One's gate against a fake sink that acknowledges only when the test says so. */
class TransactionGateTest {

    private static final class FakeSink implements ChangeSink {
        final List<String> sent = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();

        @Override
        public void send(Outgoing message, Consumer<Throwable> done) {
            sent.add(message.key());
            pending.add(done);
        }

        @Override
        public int partitionsOf(String topic) {
            return 1;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        void acknowledgeAll() {
            List<Consumer<Throwable>> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(d -> d.accept(null));
        }
    }

    private final FakeSink sink = new FakeSink();
    private final TransactionGate gate = new TransactionGate(sink, Runnable::run);
    private final List<String> outcomes = new ArrayList<>();

    private void send(String key, boolean last) {
        ChangeEvent change = Changes.ddl("x");
        change = change.withTransaction(new TransactionInfo("tx", 1, 0, last));
        Outgoing message = new Outgoing(change, "t", 1, 0, key, Map.of(), new byte[0], null);
        gate.send(message, failure -> outcomes.add(key + (failure == null ? " ok" : " failed")));
    }

    @Test
    void theNextTransactionLeavesOnlyAfterThePreviousOneIsAcknowledged() {
        send("a1", false);
        send("a2", true);
        send("b1", false);
        send("b2", true);
        send("c1", true);

        assertThat(sink.sent).containsExactly("a1", "a2");
        sink.acknowledgeAll();
        assertThat(sink.sent).containsExactly("a1", "a2", "b1", "b2");
        assertThat(outcomes).containsExactly("a1 ok", "a2 ok");
        sink.acknowledgeAll();
        assertThat(sink.sent).containsExactly("a1", "a2", "b1", "b2", "c1");
    }

    @Test
    void aChangeSentWhileTheGateIsOpenLeavesAtOnce() {
        send("a1", false);
        send("a2", false);
        assertThat(sink.sent).containsExactly("a1", "a2");
    }

    @Test
    void aFailureFailsWhatIsHeldSoNoLaterTransactionOvertakesIt() {
        send("a1", true);
        send("b1", true);
        sink.pending.get(0).accept(new IllegalStateException("refused"));

        assertThat(sink.sent).containsExactly("a1");
        assertThat(outcomes).containsExactly("a1 failed", "b1 failed");
        send("a1", true);
        assertThat(sink.sent).containsExactly("a1", "a1");
    }
}
