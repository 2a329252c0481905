package io.cdcrelay.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Rule One's promise, "the next transaction only after the previous one is acknowledged", kept in front of a
 * sink: once a transaction's last change is sent, what follows is held until the broker acknowledged everything
 * sent, then released up to the next transaction's end. The source's thread never waits here, so it maps and
 * renders the next transaction while the previous one is on its way.
 *
 * <p>A failure fails what is held too: the source reads again from its saved position, and no later transaction
 * may reach the broker before the failed one does. Held messages are sent from {@code releases}, one thread,
 * never from the broker client's callback thread (a send there can wait for the client's own buffer).
 */
public final class TransactionGate implements ChangeSink {

    private record Held(Outgoing message, Consumer<Throwable> done) {
    }

    private final ChangeSink sink;
    private final Executor releases;
    private final Deque<Held> held = new ArrayDeque<>();
    private int unacknowledged;
    /** A transaction's last change was sent and is not acknowledged yet. */
    private boolean closed;
    /** Held messages are being sent: new ones queue behind them. */
    private boolean releasing;

    public TransactionGate(ChangeSink sink, Executor releases) {
        this.sink = sink;
        this.releases = releases;
    }

    @Override
    public void send(Outgoing message, Consumer<Throwable> done) {
        synchronized (this) {
            if (closed || releasing) {
                held.add(new Held(message, done));
                return;
            }
            unacknowledged++;
            closed = message.endsTransaction();
        }
        sink.send(message, acknowledged(done));
    }

    private Consumer<Throwable> acknowledged(Consumer<Throwable> done) {
        return failure -> {
            List<Held> failed = List.of();
            boolean release = false;
            synchronized (this) {
                unacknowledged--;
                if (failure != null && !held.isEmpty()) {
                    failed = new ArrayList<>(held);
                    held.clear();
                }
                if (unacknowledged == 0 && closed) {
                    closed = false;
                    release = !held.isEmpty() && !releasing;
                    releasing = release;
                }
            }
            done.accept(failure);
            failed.forEach(h -> h.done().accept(failure));
            if (release) {
                releases.execute(this::release);
            }
        };
    }

    /** Sends what is held, up to and with the next transaction's last change. */
    private void release() {
        while (true) {
            List<Held> batch = new ArrayList<>();
            synchronized (this) {
                while (!closed && !held.isEmpty()) {
                    Held next = held.poll();
                    batch.add(next);
                    unacknowledged++;
                    closed = next.message().endsTransaction();
                }
                if (batch.isEmpty()) {
                    releasing = false;
                    return;
                }
            }
            for (Held h : batch) {
                sink.send(h.message(), acknowledged(h.done()));
            }
            synchronized (this) {
                if (closed || held.isEmpty()) {
                    releasing = false;
                    return;
                }
            }
        }
    }

    @Override
    public int partitionsOf(String topic) {
        return sink.partitionsOf(topic);
    }

    @Override
    public boolean keepsSplitsWhole() {
        return sink.keepsSplitsWhole();
    }

    @Override
    public void start() {
        sink.start();
    }

    @Override
    public void stop() {
        sink.stop();
    }
}
