package io.cdcrelay.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    private final TopicPartition p0 = new TopicPartition("orders", 0);
    private final TopicPartition p1 = new TopicPartition("orders", 1);
    private final PartitionOffsets offsets = new PartitionOffsets();

    @Test
    void theCommitStopsAtTheFirstRecordNotYetAcknowledged() {
        offsets.dispatched(p0, 10);
        offsets.dispatched(p0, 11);
        offsets.dispatched(p0, 12);
        offsets.acknowledged(p0, 11);
        offsets.acknowledged(p0, 12);
        assertThat(offsets.committable(p0)).isEqualTo(10);
        assertThat(offsets.uncommitted(List.of(p0))).as("10 is where the session started").isEmpty();
        offsets.acknowledged(p0, 10);
        assertThat(offsets.uncommitted(List.of(p0))).containsEntry(p0, new OffsetAndMetadata(13));
        assertThat(offsets.unacknowledged(p0)).isZero();
    }

    @Test
    void aFailedRecordHoldsTheCommitBackEvenAfterLaterOnesAreAcknowledged() {
        offsets.dispatched(p0, 5);
        offsets.dispatched(p0, 6);
        offsets.acknowledged(p0, 5);
        offsets.dispatched(p0, 7);
        offsets.failed(p0, 6);
        offsets.acknowledged(p0, 7);
        assertThat(offsets.uncommitted(List.of(p0))).containsEntry(p0, new OffsetAndMetadata(6));
        assertThat(offsets.unacknowledged(p0)).isEqualTo(2);
    }

    @Test
    void onlyOffsetsThatMovedSinceTheLastCommitAreDue() {
        offsets.dispatched(p0, 0);
        offsets.acknowledged(p0, 0);
        Map<TopicPartition, OffsetAndMetadata> due = offsets.uncommitted(List.of(p0, p1));
        assertThat(due).containsOnlyKeys(p0);
        offsets.committed(due);
        assertThat(offsets.uncommitted(List.of(p0, p1))).isEmpty();
    }

    @Test
    void aSessionThatMirroredNothingHasNothingToCommit() {
        offsets.dispatched(p0, 50);
        offsets.failed(p0, 50);
        assertThat(offsets.uncommitted(List.of(p0))).as("50 is where the session started").isEmpty();
    }

    @Test
    void settlingWaitsForEveryRecordInFlightAndGivesUpAfterTheTimeout() throws Exception {
        offsets.dispatched(p0, 0);
        offsets.dispatched(p1, 0);
        offsets.acknowledged(p1, 0);
        assertThat(offsets.awaitSettled(List.of(p1), Duration.ofMillis(1))).isTrue();
        assertThat(offsets.awaitSettled(List.of(p0), Duration.ofMillis(20))).isFalse();
        Thread acker = new Thread(() -> offsets.acknowledged(p0, 0));
        acker.start();
        assertThat(offsets.awaitSettled(List.of(p0, p1), Duration.ofSeconds(10))).isTrue();
        acker.join();
    }

    @Test
    void aForgottenPartitionIgnoresLateAcknowledgements() {
        offsets.dispatched(p0, 3);
        offsets.forget(List.of(p0));
        offsets.acknowledged(p0, 3);
        assertThat(offsets.uncommitted(List.of(p0))).isEmpty();
        assertThat(offsets.committable(p0)).isEqualTo(-1);
    }
}
