package io.cdcrelay.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    private final TopicPartition p0 = new TopicPartition("orders", 0);
    private final TopicPartition p1 = new TopicPartition("orders", 1);
    private final PartitionOffsets offsets = new PartitionOffsets();
    private final Map<String, PartitionOffsets.Dispatched> handedOver = new HashMap<>();

    private void dispatched(TopicPartition partition, long offset) {
        handedOver.put(partition + "@" + offset, offsets.dispatched(partition, offset));
    }

    private void acknowledged(TopicPartition partition, long offset) {
        handedOver.get(partition + "@" + offset).acknowledged();
    }

    private void failed(TopicPartition partition, long offset) {
        handedOver.get(partition + "@" + offset).failed();
    }

    @Test
    void theCommitStopsAtTheFirstRecordNotYetAcknowledged() {
        dispatched(p0, 10);
        dispatched(p0, 11);
        dispatched(p0, 12);
        acknowledged(p0, 11);
        acknowledged(p0, 12);
        assertThat(offsets.committable(p0)).isEqualTo(10);
        assertThat(offsets.uncommitted(List.of(p0))).as("10 is where the session started").isEmpty();
        acknowledged(p0, 10);
        assertThat(offsets.uncommitted(List.of(p0))).containsEntry(p0, new OffsetAndMetadata(13));
        assertThat(offsets.unacknowledged(p0)).isZero();
    }

    @Test
    void aFailedRecordHoldsTheCommitBackEvenAfterLaterOnesAreAcknowledged() {
        dispatched(p0, 5);
        dispatched(p0, 6);
        acknowledged(p0, 5);
        dispatched(p0, 7);
        failed(p0, 6);
        acknowledged(p0, 7);
        assertThat(offsets.uncommitted(List.of(p0))).containsEntry(p0, new OffsetAndMetadata(6));
        assertThat(offsets.unacknowledged(p0)).isEqualTo(2);
    }

    @Test
    void onlyOffsetsThatMovedSinceTheLastCommitAreDue() {
        dispatched(p0, 0);
        acknowledged(p0, 0);
        Map<TopicPartition, OffsetAndMetadata> due = offsets.uncommitted(List.of(p0, p1));
        assertThat(due).containsOnlyKeys(p0);
        offsets.committed(due);
        assertThat(offsets.uncommitted(List.of(p0, p1))).isEmpty();
    }

    @Test
    void aSessionThatMirroredNothingHasNothingToCommit() {
        dispatched(p0, 50);
        failed(p0, 50);
        assertThat(offsets.uncommitted(List.of(p0))).as("50 is where the session started").isEmpty();
    }

    @Test
    void settlingWaitsForEveryRecordInFlightAndGivesUpAfterTheTimeout() throws Exception {
        dispatched(p0, 0);
        dispatched(p1, 0);
        acknowledged(p1, 0);
        assertThat(offsets.awaitSettled(List.of(p1), Duration.ofMillis(1))).isTrue();
        assertThat(offsets.awaitSettled(List.of(p0), Duration.ofMillis(20))).isFalse();
        PartitionOffsets.Dispatched first = handedOver.get(p0 + "@" + 0);
        Thread acker = new Thread(first::acknowledged);
        acker.start();
        assertThat(offsets.awaitSettled(List.of(p0, p1), Duration.ofSeconds(10))).isTrue();
        acker.join();
    }

    @Test
    void offsetsWithGapsCommitAfterTheLastAcknowledgedOne() {
        dispatched(p0, 20);
        dispatched(p0, 24);
        dispatched(p0, 25);
        acknowledged(p0, 20);
        assertThat(offsets.committable(p0)).as("a gap (transaction markers) is skipped on resume").isEqualTo(21);
        acknowledged(p0, 25);
        acknowledged(p0, 24);
        assertThat(offsets.committable(p0)).isEqualTo(26);
    }

    @Test
    void aForgottenPartitionIgnoresLateAcknowledgements() {
        dispatched(p0, 3);
        offsets.forget(List.of(p0));
        acknowledged(p0, 3);
        assertThat(offsets.uncommitted(List.of(p0))).isEmpty();
        assertThat(offsets.committable(p0)).isEqualTo(-1);
    }
}
