package io.cdcrelay.partition;

import io.cdcrelay.change.ChangeEvent;

/** Rule One: everything to partition 0, so one consumer sees the whole stream in commit order. */
public final class OnePartitioner implements Partitioner {

    @Override
    public int partitionOf(ChangeEvent change, String messageKey, int partitions) {
        return 0;
    }

    @Override
    public boolean everyPartition(ChangeEvent change) {
        return false;
    }
}
