package io.cdcrelay.mirror;

/** The source partition: the order of every partition is kept as it is. */
public final class SamePartitionPolicy implements PartitionPolicy {

    @Override
    public Integer destinationPartition(int sourcePartition) {
        return sourcePartition;
    }

    @Override
    public int minimumPartitions(int sourcePartitions) {
        return sourcePartitions;
    }
}
