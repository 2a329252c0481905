package io.cdcrelay.mirror;

/** Everything to partition 0: one consumer sees the whole topic in the order it was mirrored. */
public final class ZeroPartitionPolicy implements PartitionPolicy {

    @Override
    public Integer destinationPartition(int sourcePartition) {
        return 0;
    }

    @Override
    public int minimumPartitions(int sourcePartitions) {
        return 1;
    }
}
