package io.cdcrelay.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcrelay.config.MirrorSettings.StartOffset;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartPositionTest {

    private final TopicPartition fresh = new TopicPartition("orders", 0);
    private final TopicPartition resumed = new TopicPartition("orders", 1);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.NONE);

    @BeforeEach
    void twoPartitionsOneWithACommittedOffset() {
        consumer.assign(List.of(fresh, resumed));
        consumer.updateBeginningOffsets(Map.of(fresh, 100L, resumed, 0L));
        consumer.updateEndOffsets(Map.of(fresh, 500L, resumed, 900L));
        consumer.commitSync(Map.of(resumed, new OffsetAndMetadata(321)));
    }

    @Test
    void earliestStartsAPartitionWithoutCommittedOffsetAtItsOldestRecord() {
        Map<TopicPartition, OffsetAndMetadata> chosen = new StartPosition(StartOffset.EARLIEST, Optional.empty())
                .seek(consumer, List.of(fresh, resumed));
        assertThat(chosen).containsExactly(Map.entry(fresh, new OffsetAndMetadata(100)));
    }

    @Test
    void latestStartsAtTheEndAndTheCommittedOffsetWinsOverIt() {
        Map<TopicPartition, OffsetAndMetadata> chosen = new StartPosition(StartOffset.LATEST, Optional.empty())
                .seek(consumer, List.of(fresh, resumed));
        assertThat(chosen).containsOnlyKeys(fresh).containsEntry(fresh, new OffsetAndMetadata(500));
    }
}
