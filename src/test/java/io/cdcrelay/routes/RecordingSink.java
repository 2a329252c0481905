package io.cdcrelay.routes;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.Outgoing;

/**
 * The route tests' {@code sink:changes}: records every {@link Outgoing} the route hands it, in order, then
 * acknowledges it at once, waits until the test acknowledges or refuses it, or passes it on to a real sink
 * (the Kafka sink over a MockProducer). Holding the acknowledgement is what shows what the route sends, and what
 * it does not, while a message is unacknowledged.
 */
final class RecordingSink implements ChangeSink {

    static final long WAIT_SECONDS = 5;

    private final ChangeSink next;
    private final boolean hold;
    private final int partitions;
    private final List<Outgoing> received = new CopyOnWriteArrayList<>();
    private final List<String> senders = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Outgoing> arrivals = new LinkedBlockingQueue<>();
    private final BlockingQueue<Consumer<Throwable>> unanswered = new LinkedBlockingQueue<>();

    private RecordingSink(ChangeSink next, boolean hold, int partitions) {
        this.next = next;
        this.hold = hold;
        this.partitions = partitions;
    }

    /** Acknowledges each message as it arrives; every topic has {@code partitions}. */
    static RecordingSink acknowledging(int partitions) {
        return new RecordingSink(null, false, partitions);
    }

    /** Answers each message only when the test calls {@link #acknowledge()} or {@link #refuse(Throwable)}. */
    static RecordingSink holding(int partitions) {
        return new RecordingSink(null, true, partitions);
    }

    /** Records, then lets {@code broker} send and answer. */
    static RecordingSink before(ChangeSink broker) {
        return new RecordingSink(broker, false, 0);
    }

    @Override
    public void send(Outgoing message, Consumer<Throwable> done) {
        senders.add(Thread.currentThread().getName());
        received.add(message);
        if (hold) {
            // waiting for its answer before the test can see it arrive
            unanswered.add(done);
        }
        arrivals.add(message);
        if (next != null) {
            next.send(message, done);
        } else if (!hold) {
            done.accept(null);
        }
    }

    @Override
    public int partitionsOf(String topic) {
        return next != null ? next.partitionsOf(topic) : partitions;
    }

    @Override
    public boolean keepsSplitsWhole() {
        return next != null && next.keepsSplitsWhole();
    }

    @Override
    public void start() {
        if (next != null) {
            next.start();
        }
    }

    @Override
    public void stop() {
        if (next != null) {
            next.stop();
        }
    }

    /** The next message to arrive, waiting at most {@value #WAIT_SECONDS} s for it. */
    Outgoing awaitNext() throws InterruptedException {
        Outgoing message = arrivals.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message reached the sink within " + WAIT_SECONDS + " s; received so far: "
                    + received.size());
        }
        return message;
    }

    /** Acknowledges the oldest message still waiting for its answer. */
    void acknowledge() {
        answer(null);
    }

    /** Refuses the oldest message still waiting for its answer, as a broker would. */
    void refuse(Throwable failure) {
        answer(failure);
    }

    private void answer(Throwable failure) {
        Consumer<Throwable> done = unanswered.poll();
        if (done == null) {
            throw new AssertionError("no message waits for an answer");
        }
        done.accept(failure);
    }

    /** The threads that sent the messages received so far, in arrival order. */
    List<String> senders() {
        return List.copyOf(senders);
    }

    /** Every message received so far, in arrival order. */
    List<Outgoing> received() {
        return List.copyOf(received);
    }
}
