package io.cdcrelay.rocketmq;

import java.util.List;
import java.util.function.Consumer;

/** Sends one batch of messages to one message queue, asynchronously. */
public interface QueueTransport<M> {

    /**
     * @param done called once, with {@code null} when the broker stored the whole batch, else the failure
     */
    void send(String topic, int queue, List<M> batch, Consumer<Throwable> done);
}
