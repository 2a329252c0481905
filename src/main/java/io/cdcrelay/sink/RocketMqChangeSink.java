package io.cdcrelay.sink;

import java.util.Map;
import java.util.function.Consumer;

import io.cdcrelay.rocketmq.OrderedQueueSender;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.rocketmq.common.message.Message;

/**
 * {@code relay.sink=rocketmq}: each message to the message queue the partitioner chose (a copy to every queue for
 * a broadcast) through the {@link OrderedQueueSender}, which keeps each queue's order with one batch in flight.
 * Tag = table, keys = message key, user properties = the {@code relay.*} headers.
 */
public final class RocketMqChangeSink implements ChangeSink {

    private final OrderedQueueSender<Message> sender;
    private final TopicPartitions queues;

    public RocketMqChangeSink(OrderedQueueSender<Message> sender, TopicPartitions queues) {
        this.sender = sender;
        this.queues = queues;
    }

    @Override
    public void send(Outgoing message, Consumer<Throwable> done) {
        Message m = new Message(message.topic(), message.change().table(), message.value());
        if (message.key() != null) {
            m.setKeys(message.key());
        }
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            m.putUserProperty(header.getKey(), header.getValue());
        }
        AllAcknowledged copies = new AllAcknowledged(message.everyPartition() ? message.partitionCount() : 1, done);
        for (int queue : message.targetPartitions()) {
            sender.send(message.topic(), queue, m, copies);
        }
    }

    @Override
    public int partitionsOf(String topic) {
        return queues.partitionsOf(topic);
    }

    @Override
    public void start() {
        // the RocketMQ client is a service of its own, started with the context
    }

    @Override
    public void stop() {
        // likewise
    }
}
