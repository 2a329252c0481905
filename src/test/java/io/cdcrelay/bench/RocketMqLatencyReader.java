package io.cdcrelay.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * {@link LatencyReader} of a RocketMQ topic: a lite pull consumer assigned every queue and placed at their ends
 * when opened, polling on its own thread.
 */
final class RocketMqLatencyReader implements LatencyReader {

    private final DefaultLitePullConsumer consumer;
    private final Latencies latencies = new Latencies();
    private final Thread thread;
    private volatile boolean running = true;

    private RocketMqLatencyReader(DefaultLitePullConsumer consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::poll, "relay-latency-reader");
        this.thread.setDaemon(true);
    }

    static RocketMqLatencyReader open(String namesrvAddr, String topic) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("bench-latency");
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("bench-latency");
        consumer.setAutoCommit(false);
        consumer.setPullBatchSize(100);
        consumer.start();
        try {
            Collection<MessageQueue> queues = consumer.fetchMessageQueues(topic);
            if (queues.isEmpty()) {
                throw new IllegalStateException(topic + " has no queues");
            }
            consumer.assign(new ArrayList<>(queues));
            for (MessageQueue queue : queues) {
                seekToEnd(consumer, queue);
            }
        } catch (Exception e) {
            consumer.shutdown();
            throw e;
        }
        RocketMqLatencyReader reader = new RocketMqLatencyReader(consumer);
        reader.thread.start();
        return reader;
    }

    /**
     * The first request of a new client to the broker was seen to fail ("send request to <broker> failed") right
     * after the relay's JVMs had come and gone: up to 10 tries, 1 s apart.
     */
    private static void seekToEnd(DefaultLitePullConsumer consumer, MessageQueue queue) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                consumer.seekToEnd(queue);
                return;
            } catch (MQClientException e) {
                if (attempt == 10) {
                    throw e;
                }
                System.err.println("latency reader: seekToEnd(" + queue + ") failed, retrying: " + e.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    private void poll() {
        while (running) {
            for (MessageExt message : consumer.poll(100)) {
                long now = System.currentTimeMillis();
                long ts = LatencyReader.ts(new String(message.getBody(), StandardCharsets.UTF_8));
                if (ts > 0) {
                    latencies.record(now - ts);
                }
            }
        }
    }

    @Override
    public Latencies latencies() {
        return latencies;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.shutdown();
    }
}
