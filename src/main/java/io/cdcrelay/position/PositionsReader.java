package io.cdcrelay.position;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads the positions topic to its end as a {@code read_committed} consumer: the last committed value of each
 * key, so a position written in an aborted or unfinished transaction is never seen.
 */
final class PositionsReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> client;
    private final String topic;
    private final Duration timeout;

    /** @param client the consumer's settings: bootstrap servers and the clients' security settings */
    PositionsReader(Map<String, Object> client, String topic, Duration timeout) {
        this.client = client;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** Key → value of every committed position; empty when the topic does not exist yet. */
    Map<ByteBuffer, ByteBuffer> readAll() {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a broker with auto.create.topics.enable would otherwise create it with the default policy, delete
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            Map<ByteBuffer, ByteBuffer> positions = new HashMap<>();
            if (partitions == null || partitions.isEmpty()) {
                return positions;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            // under read_committed the end is the last stable offset: no open transaction's position is waited for
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ConnectException("the positions topic " + topic + " was not read to its end within "
                            + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.key() == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        positions.remove(ByteBuffer.wrap(record.key()));
                    } else {
                        positions.put(ByteBuffer.wrap(record.key()), ByteBuffer.wrap(record.value()));
                    }
                }
            }
            return positions;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ConnectException("cannot read the positions topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
