package io.cdcrelay.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@link LatencyReader} of a Kafka topic: one consumer without a group, assigned every partition and placed at
 * their ends when opened, polling on its own thread.
 */
final class KafkaLatencyReader implements LatencyReader {

    private final KafkaConsumer<String, String> consumer;
    private final Latencies latencies = new Latencies();
    private final Thread thread;
    private volatile boolean running = true;

    private KafkaLatencyReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::poll, "relay-latency-reader");
        this.thread.setDaemon(true);
    }

    static KafkaLatencyReader open(String bootstrap, String topic) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "bench-latency");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException(topic + " has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: fix the positions now, before the first paced row is written
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        KafkaLatencyReader reader = new KafkaLatencyReader(consumer);
        reader.thread.start();
        return reader;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    long ts = LatencyReader.ts(record.value());
                    if (ts > 0) {
                        latencies.record(now - ts);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() asked
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public Latencies latencies() {
        return latencies;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
