package io.cdcrelay.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;

/** Reads a RocketMQ topic from its first message with an orderly listener, as an ordered consumer would. */
final class RocketMqReader {

    private RocketMqReader() {
    }

    /** @return the messages once {@code count} arrived, or those read when {@code timeout} passed; each queue in order */
    static List<MessageExt> read(String namesrvAddr, String topic, int count, Duration timeout) throws Exception {
        List<MessageExt> out = new ArrayList<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("test-" + UUID.randomUUID());
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            synchronized (out) {
                out.addAll(messages);
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (out) {
                    if (out.size() >= count) {
                        return new ArrayList<>(out);
                    }
                }
                Thread.sleep(200);
            }
            synchronized (out) {
                return new ArrayList<>(out);
            }
        } finally {
            consumer.shutdown();
        }
    }
}
