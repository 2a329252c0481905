package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.partition.HashPartitioner;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Rule Hash: the change's message key and the partition of that key among the topic's partitions. */
public final class PartitionByKey implements Processor {

    private final HashPartitioner partitioner;

    public PartitionByKey(HashPartitioner partitioner) {
        this.partitioner = partitioner;
    }

    @Override
    public void process(Exchange exchange) {
        ChangeEvent change = exchange.getMessage().getBody(ChangeEvent.class);
        int partitions = exchange.getProperty(StepProperties.PARTITIONS, Integer.class);
        exchange.setProperty(StepProperties.PARTITION, partitioner.partitionOf(change, partitions));
        exchange.setProperty(StepProperties.KEY, partitioner.messageKey(change));
    }
}
