package io.cdcrelay.steps;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.cdcrelay.rocketmq.OrderedQueueSender;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.rocketmq.common.message.Message;

/**
 * The body becomes a RocketMQ message in the queue the partitioner chose (every queue for a broadcast):
 * tag = table, key = message key, user properties = the relay.* headers. Completes the exchange when the
 * broker acknowledged, so the source position never runs ahead of RocketMQ.
 */
public final class SendToRocketMq extends AsyncProcessorSupport {

    private final OrderedQueueSender<Message> sender;

    public SendToRocketMq(OrderedQueueSender<Message> sender) {
        this.sender = sender;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String topic = exchange.getProperty(StepProperties.TOPIC, String.class);
        Message message = message(exchange, topic);
        @SuppressWarnings("unchecked")
        List<Integer> broadcast = exchange.getProperty(StepProperties.BROADCAST, List.class);
        List<Integer> queues = broadcast != null ? broadcast : List.of(exchange.getProperty(StepProperties.PARTITION, Integer.class));
        AtomicInteger pending = new AtomicInteger(queues.size());
        for (int queue : queues) {
            sender.send(topic, queue, message, failure -> {
                if (failure != null) {
                    exchange.setException(failure);
                }
                if (pending.decrementAndGet() == 0) {
                    callback.done(false);
                }
            });
        }
        return false;
    }

    private static Message message(Exchange exchange, String topic) {
        String table = exchange.getMessage().getHeader("relay.table", String.class);
        Message message = new Message(topic, table, exchange.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8));
        String key = exchange.getProperty(StepProperties.KEY, String.class);
        if (key != null) {
            message.setKeys(key);
        }
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            if (header.getKey().startsWith("relay.") && header.getValue() != null) {
                message.putUserProperty(header.getKey(), header.getValue().toString());
            }
        }
        return message;
    }
}
