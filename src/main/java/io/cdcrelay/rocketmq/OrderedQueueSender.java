package io.cdcrelay.rocketmq;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends messages to message queues in the order they were given, per queue, and fast: each queue has a FIFO
 * and at most one batch in flight; the next batch leaves only when the broker acknowledged the previous, so
 * a retry can never overtake. A failed batch is sent again as it is, with backoff, up to {@code attempts}
 * times, then its messages and everything queued behind them fail.
 */
public final class OrderedQueueSender<M> {

    /** One message waiting for its queue, and what to call when its fate is known. */
    private record Pending<M>(M message, Consumer<Throwable> done) {
    }

    private static final class Lane<M> {
        final Deque<Pending<M>> waiting = new ArrayDeque<>();
        boolean sending;
    }

    private final QueueTransport<M> transport;
    private final int batchSize;
    private final int attempts;
    private final Duration backoff;
    private final ScheduledExecutorService retries;
    private final Map<String, Lane<M>> lanes = new HashMap<>();

    public OrderedQueueSender(QueueTransport<M> transport, int batchSize, int attempts, Duration backoff,
            ScheduledExecutorService retries) {
        this.transport = transport;
        this.batchSize = batchSize;
        this.attempts = attempts;
        this.backoff = backoff;
        this.retries = retries;
    }

    /** Queues {@code message} behind the earlier messages of the same queue; {@code done} reports its outcome. */
    public void send(String topic, int queue, M message, Consumer<Throwable> done) {
        List<Pending<M>> batch;
        synchronized (this) {
            Lane<M> lane = lanes.computeIfAbsent(topic + '#' + queue, k -> new Lane<>());
            lane.waiting.add(new Pending<>(message, done));
            batch = nextBatch(lane);
        }
        if (batch != null) {
            transmit(topic, queue, batch, 1);
        }
    }

    /** The next batch to send, or null while one is in flight; call holding the lock. */
    private List<Pending<M>> nextBatch(Lane<M> lane) {
        if (lane.sending || lane.waiting.isEmpty()) {
            return null;
        }
        List<Pending<M>> batch = new ArrayList<>(Math.min(batchSize, lane.waiting.size()));
        while (batch.size() < batchSize && !lane.waiting.isEmpty()) {
            batch.add(lane.waiting.poll());
        }
        lane.sending = true;
        return batch;
    }

    private void transmit(String topic, int queue, List<Pending<M>> batch, int attempt) {
        List<M> messages = batch.stream().map(Pending::message).toList();
        transport.send(topic, queue, messages, failure -> {
            if (failure == null) {
                batch.forEach(p -> p.done().accept(null));
                sendNext(topic, queue);
            } else if (attempt < attempts) {
                long delay = backoff.toMillis() * (1L << Math.min(attempt - 1, 6));
                retries.schedule(() -> transmit(topic, queue, batch, attempt + 1), delay, TimeUnit.MILLISECONDS);
            } else {
                failLane(topic, queue, batch, failure);
            }
        });
    }

    private void sendNext(String topic, int queue) {
        List<Pending<M>> batch;
        synchronized (this) {
            Lane<M> lane = lanes.get(topic + '#' + queue);
            lane.sending = false;
            batch = nextBatch(lane);
        }
        if (batch != null) {
            transmit(topic, queue, batch, 1);
        }
    }

    /** Order cannot be kept past a lost batch: everything waiting behind it fails too. */
    private void failLane(String topic, int queue, List<Pending<M>> batch, Throwable failure) {
        List<Pending<M>> behind;
        synchronized (this) {
            Lane<M> lane = lanes.get(topic + '#' + queue);
            behind = new ArrayList<>(lane.waiting);
            lane.waiting.clear();
            lane.sending = false;
        }
        batch.forEach(p -> p.done().accept(failure));
        behind.forEach(p -> p.done().accept(failure));
    }
}
