package io.cdcrelay.mirror;

import io.cdcrelay.config.MirrorSettings;

/**
 * {@code relay.mirror.partition-policy}: where in its destination topic a mirrored record goes. Each policy is
 * a pure function of the source partition.
 */
public interface PartitionPolicy {

    /** @return the destination partition, or {@code null} to let the producer spread records itself */
    Integer destinationPartition(int sourcePartition);

    /** The fewest partitions a destination topic needs for a source topic of {@code sourcePartitions}. */
    int minimumPartitions(int sourcePartitions);

    static PartitionPolicy of(MirrorSettings.Policy policy) {
        return switch (policy) {
            case ZERO -> new ZeroPartitionPolicy();
            case SAME -> new SamePartitionPolicy();
            case ROUND_ROBIN -> new RoundRobinPartitionPolicy();
        };
    }
}
