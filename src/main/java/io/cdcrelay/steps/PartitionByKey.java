package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.partition.Partitioner;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The change's message key, built once, and where it goes: one partition or, for DDL and heartbeats under Hash,
 * every partition of its topic.
 */
public final class PartitionByKey implements Processor {

    private final Partitioner partitioner;
    private final PartitionKey keys;

    public PartitionByKey(Partitioner partitioner, PartitionKey keys) {
        this.partitioner = partitioner;
        this.keys = keys;
    }

    @Override
    public void process(Exchange exchange) {
        Outgoing outgoing = exchange.getMessage().getBody(Outgoing.class);
        ChangeEvent change = outgoing.change();
        String key = keys.messageKey(change);
        int partition = partitioner.everyPartition(change) ? Outgoing.EVERY_PARTITION
                : partitioner.partitionOf(change, key, outgoing.partitionCount());
        exchange.getMessage().setBody(outgoing.toPartition(partition, key));
    }
}
