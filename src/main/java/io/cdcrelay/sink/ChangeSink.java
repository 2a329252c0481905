package io.cdcrelay.sink;

import java.util.function.Consumer;

import org.apache.camel.Service;

/**
 * A destination broker. One class per broker; {@code relay.sink} chooses which one ends the routes.
 *
 * <p>Messages given to {@link #send} for the same partition reach it in the order given: that order is the
 * commit order the relay promises per key (rule Hash) and for the whole stream (rule One).
 */
public interface ChangeSink extends Service {

    /**
     * Sends {@code message} to its target partition, or a copy to every partition of its topic.
     *
     * @param done told exactly once: null when the broker acknowledged every copy, else the failure
     */
    void send(Outgoing message, Consumer<Throwable> done);

    /** The partition (message queue) count of {@code topic}, creating the topic when it is missing. */
    int partitionsOf(String topic);

    /**
     * Whether the parts of a key split (an UPDATE's DELETE and INSERT) become visible together or not at all, as
     * in one Kafka transaction. Then the INSERT follows its DELETE at once; otherwise it is sent only once the
     * DELETE was acknowledged, so no consumer sees the new key before the old one is gone.
     */
    default boolean keepsSplitsWhole() {
        return false;
    }
}
