package io.cdcrelay.partition;

import java.nio.charset.StandardCharsets;

import io.cdcrelay.change.ChangeEvent;
import org.apache.kafka.common.utils.Utils;

/**
 * Rule Hash: a change goes to {@code murmur2(key bytes) mod partitions}, Kafka's own default partitioner, so
 * the changes of one key stay in one partition in commit order. DDL and heartbeats go to every partition.
 */
public final class HashPartitioner implements Partitioner {

    private final PartitionKey keys;

    public HashPartitioner(PartitionKey keys) {
        this.keys = keys;
    }

    @Override
    public int partitionOf(ChangeEvent change, String messageKey, int partitions) {
        return partitionOfKey(keys.hashInput(change, messageKey).getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** Kafka's default partitioner on a key's bytes: the partition a Kafka client would also pick for it. */
    static int partitionOfKey(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    @Override
    public boolean everyPartition(ChangeEvent change) {
        return !change.isRowChange();
    }
}
