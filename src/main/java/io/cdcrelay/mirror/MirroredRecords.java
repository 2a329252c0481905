package io.cdcrelay.mirror;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;

/**
 * The destination record of a source record: key, value, headers (in order, repeats kept) and timestamp
 * copied unchanged; topic by the rename rule, partition by the policy.
 */
public final class MirroredRecords {

    private final DestinationTopics topics;
    private final PartitionPolicy policy;

    public MirroredRecords(DestinationTopics topics, PartitionPolicy policy) {
        this.topics = topics;
        this.policy = policy;
    }

    public ProducerRecord<byte[], byte[]> destinationOf(ConsumerRecord<byte[], byte[]> record) {
        // a record of the pre-0.10 message format has no timestamp (-1), which a producer refuses
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(topics.destinationOf(record.topic()), policy.destinationPartition(record.partition()),
                timestamp, record.key(), record.value(), record.headers());
    }

    /** The bytes a record carries: key, value and headers. */
    public static long sizeOf(ConsumerRecord<byte[], byte[]> record) {
        long size = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        for (Header header : record.headers()) {
            size += Utils.utf8Length(header.key()) + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }
}
