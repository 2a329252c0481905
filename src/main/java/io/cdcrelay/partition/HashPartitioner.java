package io.cdcrelay.partition;

import java.nio.charset.StandardCharsets;

import io.cdcrelay.change.ChangeEvent;

/**
 * Rule Hash: a change goes to the partition of its key, so changes of one key stay in one partition in
 * commit order. A pure function of the key values and the partition count: stable across restarts.
 */
public final class HashPartitioner {

    private final PartitionKey keys;

    public HashPartitioner(PartitionKey keys) {
        this.keys = keys;
    }

    public int partitionOf(ChangeEvent change, int partitions) {
        return Murmur2.partition(keys.hashInput(change).getBytes(StandardCharsets.UTF_8), partitions);
    }

    public String messageKey(ChangeEvent change) {
        return keys.messageKey(change);
    }
}
