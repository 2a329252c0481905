package io.cdcrelay.mirror;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.cdcrelay.acknowledgement.AcknowledgedPrefix;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per source partition, the offsets handed to the destination and not yet acknowledged, and from them the
 * offset the group may commit: the first offset not acknowledged, so a restart resumes with it. Records are
 * acknowledged out of order under round-robin (different destination partitions): each partition's records go
 * through an {@link AcknowledgedPrefix}, the core the binlog's changes go through too. A failed record is never
 * acknowledged: the commit stops in front of it until the consumer restarts. Called from the poll thread and
 * from the producer's acknowledgement threads.
 */
final class PartitionOffsets {

    private final Map<TopicPartition, Progress> partitions = new HashMap<>();

    /** A record handed to the destination: tell it what became of it, once. */
    final class Dispatched {

        private final Progress progress;
        private final long sequence;

        private Dispatched(Progress progress, long sequence) {
            this.progress = progress;
            this.sequence = sequence;
        }

        void acknowledged() {
            synchronized (PartitionOffsets.this) {
                progress.prefix.acknowledge(sequence);
                settled();
            }
        }

        void failed() {
            synchronized (PartitionOffsets.this) {
                settled();
            }
        }

        private void settled() {
            // a partition revoked and forgotten meanwhile keeps counting on its own, unseen
            if (--progress.inFlight == 0) {
                PartitionOffsets.this.notifyAll();
            }
        }
    }

    private static final class Progress {
        final AcknowledgedPrefix<Long> prefix = new AcknowledgedPrefix<>(offset -> passedThrough = offset + 1);
        /** The offset after the last one handed over. */
        long next = -1;
        /** The offset after the acknowledged prefix: the session's first offset while nothing was acknowledged. */
        long passedThrough = -1;
        long committed = -1;
        /** Handed over and neither acknowledged nor failed yet. */
        int inFlight;

        long committable() {
            return prefix.waiting() == 0 ? next : passedThrough;
        }
    }

    synchronized Dispatched dispatched(TopicPartition partition, long offset) {
        Progress p = partitions.computeIfAbsent(partition, k -> new Progress());
        if (p.next < 0) {
            // the first record of a session sits at the committed (or just chosen and committed) position
            p.committed = offset;
            p.passedThrough = offset;
        }
        p.next = offset + 1;
        p.inFlight++;
        return new Dispatched(p, p.prefix.take(offset));
    }

    /** The committable offsets of {@code of} that moved since the last {@link #committed}. */
    synchronized Map<TopicPartition, OffsetAndMetadata> uncommitted(Collection<TopicPartition> of) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : of) {
            Progress p = partitions.get(partition);
            if (p != null && p.next >= 0 && p.committable() > p.committed) {
                offsets.put(partition, new OffsetAndMetadata(p.committable()));
            }
        }
        return offsets;
    }

    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            Progress p = partitions.get(partition);
            if (p != null) {
                p.committed = Math.max(p.committed, offset.offset());
            }
        });
    }

    /** The committable offset of {@code partition}, or -1 while nothing of it was handed over. */
    synchronized long committable(TopicPartition partition) {
        Progress p = partitions.get(partition);
        return p == null || p.next < 0 ? -1 : p.committable();
    }

    /** Records of {@code partition} handed over and not yet acknowledged, including a failed one's successors. */
    synchronized long unacknowledged(TopicPartition partition) {
        Progress p = partitions.get(partition);
        return p == null || p.next < 0 ? 0 : p.next - p.committable();
    }

    /** Waits until no record of {@code of} is in flight. @return false when {@code timeout} passed first */
    synchronized boolean awaitSettled(Collection<TopicPartition> of, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (of.stream().map(partitions::get).anyMatch(p -> p != null && p.inFlight > 0)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized void forget(Collection<TopicPartition> of) {
        of.forEach(partitions::remove);
    }
}
