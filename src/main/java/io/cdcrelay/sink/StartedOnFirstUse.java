package io.cdcrelay.sink;

import java.util.function.Consumer;

/**
 * A sink started by the first change it is given rather than with the Camel context. With {@code relay.ha.*} a
 * standby's context runs too, and only its elected successor may start a producer: an exactly-once producer's
 * start ({@code initTransactions}) fences every other producer of the source's {@code transactional.id}, so a
 * standby starting its own would stop the leader. Only the leader's routes give changes to the sink.
 */
public final class StartedOnFirstUse implements ChangeSink {

    private final ChangeSink sink;
    private volatile boolean started;
    /** Stopped with its Camel context: a late change must not start it again. */
    private volatile boolean stopped;

    public StartedOnFirstUse(ChangeSink sink) {
        this.sink = sink;
    }

    @Override
    public void start() {
        // deferred to the first change
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (started) {
            sink.stop();
        }
    }

    @Override
    public void send(Outgoing message, Consumer<Throwable> done) {
        try {
            startOnce();
        } catch (RuntimeException e) {
            done.accept(e);
            return;
        }
        sink.send(message, done);
    }

    @Override
    public int partitionsOf(String topic) {
        startOnce();
        return sink.partitionsOf(topic);
    }

    @Override
    public boolean keepsSplitsWhole() {
        return sink.keepsSplitsWhole();
    }

    /**
     * Starts the sink now if it has not started: a relay that just won the election calls it before its engine reads
     * where to start. Under exactly-once that start fences the former leader's producer and aborts its open
     * transaction, so nothing the former leader commits can land after the position the new one reads. A start that
     * failed is tried again with the next change, or the session's restart.
     */
    public void startOnce() {
        if (!started) {
            synchronized (this) {
                if (stopped) {
                    throw new IllegalStateException("the sink stopped with the relay's Camel context");
                }
                if (!started) {
                    sink.start();
                    started = true;
                }
            }
        }
    }
}
