package io.cdcrelay.mirror;

import java.util.Locale;

import io.cdcrelay.config.SettingsException;

/**
 * {@code relay.mirror.partition-policy}: where in its destination topic a mirrored record goes. Each policy is
 * a pure function of the source partition.
 */
public interface PartitionPolicy {

    /** @return the destination partition, or {@code null} to let the producer spread records itself */
    Integer destinationPartition(int sourcePartition);

    /** The fewest partitions a destination topic needs for a source topic of {@code sourcePartitions}. */
    int minimumPartitions(int sourcePartitions);

    static PartitionPolicy named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "zero" -> new ZeroPartitionPolicy();
            case "same" -> new SamePartitionPolicy();
            case "round-robin" -> new RoundRobinPartitionPolicy();
            default -> throw new SettingsException("relay.mirror.partition-policy=" + name
                    + " is not valid: use one of zero, same, round-robin.");
        };
    }
}
