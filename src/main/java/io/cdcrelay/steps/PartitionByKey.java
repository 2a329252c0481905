package io.cdcrelay.steps;

import java.util.List;
import java.util.stream.IntStream;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.partition.Partitioner;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The change's message key (relayKey) and where it goes: one partition (relayPartition) or, for DDL and
 * heartbeats under Hash, every partition of the topic (relayBroadcast, a list).
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
        ChangeEvent change = exchange.getMessage().getBody(ChangeEvent.class);
        int partitions = exchange.getProperty(StepProperties.PARTITIONS, Integer.class);
        if (partitioner.everyPartition(change)) {
            List<Integer> all = IntStream.range(0, partitions).boxed().toList();
            exchange.setProperty(StepProperties.BROADCAST, all);
        } else {
            exchange.setProperty(StepProperties.PARTITION, partitioner.partitionOf(change, partitions));
        }
        exchange.setProperty(StepProperties.KEY, keys.messageKey(change));
    }
}
