package io.cdcrelay.mirror;

import io.cdcrelay.config.MirrorSettings.Policy;
import io.cdcrelay.config.Parser;
import io.cdcrelay.config.TopicRenameRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class MirroredRecordsTest {

    private final List<String> created = new ArrayList<>();

    @Test
    void keyValueHeadersAndTimestampAreCopiedUnchanged() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", bytes("a"));
        headers.add("trace", bytes("b"));
        headers.add("empty", null);
        ConsumerRecord<byte[], byte[]> source = record("orders", 2, 1_700_000_000_123L, bytes("k"), bytes("v"), headers);

        ProducerRecord<byte[], byte[]> copy = records("backup.#{source_topic_name}", "same", 3).destinationOf(source);

        assertThat(copy.topic()).isEqualTo("backup.orders");
        assertThat(copy.partition()).isEqualTo(2);
        assertThat(copy.timestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(copy.key()).isEqualTo(bytes("k"));
        assertThat(copy.value()).isEqualTo(bytes("v"));
        assertThat(copy.headers().toArray()).extracting(h -> h.key() + "=" + (h.value() == null ? null : new String(h.value())))
                .containsExactly("trace=a", "trace=b", "empty=null");
    }

    @Test
    void aMissingDestinationTopicIsCreatedOnceWithAtLeastTheSourcePartitionsUnderSame() {
        MirroredRecords same = records("#{source_topic_name}", "same", 3);
        same.destinationOf(record("wide", 5, 1, null, bytes("v"), new RecordHeaders()));
        same.destinationOf(record("wide", 6, 1, null, bytes("v"), new RecordHeaders()));
        assertThat(created).containsExactly("wide:8");

        records("#{source_topic_name}", "round-robin", 3).destinationOf(record("wide", 5, 1, null, null, new RecordHeaders()));
        assertThat(created).last().isEqualTo("wide:3");
    }

    @Test
    void anExistingTopicWithTooFewPartitionsForSameIsRefusedWithTheFix() {
        TopicRenameRule sameName = TopicRenameRule.parse("relay.mirror.topic-rule", "#{source_topic_name}");
        DestinationTopics topics = new DestinationTopics(sameName, PartitionPolicy.of(Policy.SAME), 3, topic -> 8, (topic, ifMissing) -> 2);
        assertThatThrownBy(() -> topics.destinationOf("wide")).hasMessage("destination topic wide has 2 partitions, "
                + "fewer than the 8 of source topic wide that relay.mirror.partition-policy=same keeps: add partitions "
                + "to wide or choose the zero or round-robin policy");
    }

    @Test
    void roundRobinLeavesThePartitionToTheProducerAndARecordWithoutTimestampGetsOne() {
        ConsumerRecord<byte[], byte[]> old = record("orders", 1, -1, null, bytes("v"), new RecordHeaders());
        ProducerRecord<byte[], byte[]> copy = records("#{source_topic_name}", "round-robin", 3).destinationOf(old);
        assertThat(copy.partition()).isNull();
        assertThat(copy.timestamp()).isNull();
    }

    @Test
    void theSizeCountsKeyValueAndHeaderBytes() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("hé", bytes("12"));
        assertThat(MirroredRecords.sizeOf(record("t", 0, 1, bytes("key"), bytes("value"), headers))).isEqualTo(3 + 5 + 3 + 2);
    }

    private MirroredRecords records(String rule, String policy, int partitions) {
        PartitionPolicy p = PartitionPolicy.of(Parser.choice(Policy.class).parse("relay.mirror.partition-policy", policy));
        DestinationTopics topics = new DestinationTopics(TopicRenameRule.parse("relay.mirror.topic-rule", rule), p,
                partitions, topic -> 8,
                (topic, ifMissing) -> {
                    created.add(topic + ":" + ifMissing);
                    return ifMissing;
                });
        return new MirroredRecords(topics, p);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long timestamp, byte[] key,
            byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, 42, timestamp, TimestampType.CREATE_TIME,
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
