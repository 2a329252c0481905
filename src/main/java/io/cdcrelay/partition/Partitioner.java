package io.cdcrelay.partition;

import io.cdcrelay.change.ChangeEvent;

/**
 * A partitioning rule ({@code relay.partitioning}): where in its topic a change goes. A pure function of
 * the change and the partition count, so the same change always lands in the same partition.
 */
public interface Partitioner {

    /**
     * The partition of a row change.
     *
     * @param messageKey the change's message key as {@link PartitionKey#messageKey} built it, null for a table
     *                   without any key: built once per change and handed in
     */
    int partitionOf(ChangeEvent change, String messageKey, int partitions);

    /**
     * Whether the change goes to every partition: DDL and heartbeats under Hash, so each partition's
     * consumer sees a schema change before the rows that depend on it.
     */
    boolean everyPartition(ChangeEvent change);
}
