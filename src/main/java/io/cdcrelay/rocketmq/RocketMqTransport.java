package io.cdcrelay.rocketmq;

import java.util.List;
import java.util.function.Consumer;

import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** Sends a batch to one message queue with the producer's asynchronous batch send. */
public final class RocketMqTransport implements QueueTransport<Message> {

    private final RocketMqClient client;
    private final RocketMqTopics topics;

    public RocketMqTransport(RocketMqClient client, RocketMqTopics topics) {
        this.client = client;
        this.topics = topics;
    }

    @Override
    public void send(String topic, int queue, List<Message> batch, Consumer<Throwable> done) {
        try {
            client.producer().send(batch, topics.queue(topic, queue), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    // a stored message can still wait for its slave or its flush: only SEND_OK is acknowledged
                    done.accept(result.getSendStatus() == SendStatus.SEND_OK ? null
                            : new IllegalStateException("RocketMQ answered " + result.getSendStatus()));
                }

                @Override
                public void onException(Throwable e) {
                    done.accept(e);
                }
            }, client.sendTimeoutMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.accept(e);
        } catch (Exception e) {
            done.accept(e);
        }
    }
}
