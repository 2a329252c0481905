package io.cdcrelay.it;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many messages a {@code read_committed} consumer has seen in a topic so far, read as they come by one
 * consumer that stays open: cheaper than reading the topic again for every look during a long test.
 */
final class CommittedCount implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long seen;

    /** @param topic an existing topic, read from its beginning */
    CommittedCount(String bootstrap, String topic) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Messages seen so far, after one more short poll. */
    synchronized long now() {
        seen += consumer.poll(Duration.ofMillis(100)).count();
        return seen;
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
