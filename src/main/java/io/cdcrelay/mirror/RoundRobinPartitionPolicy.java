package io.cdcrelay.mirror;

/** Kafka's own (sticky) spreading over the destination partitions; no order is promised. */
public final class RoundRobinPartitionPolicy implements PartitionPolicy {

    @Override
    public Integer destinationPartition(int sourcePartition) {
        return null;
    }

    @Override
    public int minimumPartitions(int sourcePartitions) {
        return 1;
    }
}
