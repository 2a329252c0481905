package io.cdcrelay;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import io.cdcrelay.acknowledgement.OrderedExecutors;
import io.cdcrelay.acknowledgement.PartitionLanes;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.FormatSettings;
import io.cdcrelay.config.PartitioningSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.format.FormatOptions;
import io.cdcrelay.format.FormatRegistry;
import io.cdcrelay.format.ValueRenderer;
import io.cdcrelay.partition.HashPartitioner;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.partition.OnePartitioner;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.partition.Partitioner;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.SinkComponent;
import io.cdcrelay.sink.TransactionGate;
import io.cdcrelay.steps.AddRelayHeaders;
import io.cdcrelay.steps.CaptureRouteCheck;
import io.cdcrelay.steps.ContinueOnPartitionLane;
import io.cdcrelay.steps.Heartbeats;
import io.cdcrelay.steps.IsKeySplit;
import io.cdcrelay.steps.PartitionByKey;
import io.cdcrelay.steps.RenderWireFormat;
import io.cdcrelay.steps.RouteToTopic;
import io.cdcrelay.steps.SplitKeyChanges;
import io.cdcrelay.topic.TopicDirectory;
import io.cdcrelay.topic.TopicNameRule;
import io.cdcrelay.transform.ColumnsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

/**
 * Binds the steps of the cdc, deliver and heartbeat routes that follow {@code toChangeEvent}, and the
 * {@code sink:} component around a broker's {@link ChangeSink} (behind rule One's {@link TransactionGate}). Apart
 * from {@link RelayBeans} so that the route tests bind the same steps around a fake sink, without a source
 * database or a broker.
 */
public final class DeliverySteps {

    private DeliverySteps() {
    }

    /**
     * @param commitSequence the one the change mapper numbers changes with: a key change's INSERT takes the next
     * @param broker         the sink of {@code relay.sink}, not yet behind the gate
     */
    public static void bind(CamelContext context, RelaySettings settings, FormatOptions formatOptions,
            CommitSequence commitSequence, ChangeSink broker) throws Exception {
        Registry registry = context.getRegistry();
        // a route file that would let a position be saved for a change never sent stops the start
        context.addRoutePolicyFactory(new CaptureRouteCheck());
        ValueRenderer values = new ValueRenderer(settings.timeZone());
        FormatSettings f = settings.formats();
        registry.bind("renderWireFormat", new RenderWireFormat(FormatRegistry.standard(formatOptions)
                .select(f.format(), f.formatByTopic())));
        PartitioningSettings partitioning = settings.partitioning();
        PartitionKey keys = new PartitionKey(values, partitioning::shardingColumnsOf);
        Partitioner partitioner = partitioning.rule() == PartitioningSettings.Rule.ONE ? new OnePartitioner()
                : new HashPartitioner(keys);
        registry.bind("partitionByKey", new PartitionByKey(partitioner, keys));
        registry.bind("isKeySplit", new IsKeySplit());
        registry.bind("splitKeyChanges", new SplitKeyChanges(
                new KeyChangeSplitter(keys, commitSequence, partitioning.splitKeyUpdates())));
        registry.bind("addRelayHeaders", new AddRelayHeaders(f.transactionSequence(), f.businessSystemId()));

        ChangeSink sink = broker;
        // exactly-once commits whole source transactions in one Kafka transaction each, in order: no gate needed
        if (settings.delivery().transactionAtATime() && !settings.delivery().exactlyOnce()) {
            sink = new TransactionGate(sink, OrderedExecutors.single(context, "TransactionGate"));
        }
        registry.bind("sink", new SinkComponent(sink));
        registry.bind("columns", new ColumnsComponent());
        registry.bind("partitionLane", partitionLane(context, settings.delivery()));
        TopicDirectory directory = new TopicDirectory();
        registry.bind("routeToTopic", new RouteToTopic(new TopicNameRule(settings.topics()), sink, directory));
        registry.bind("heartbeats", new Heartbeats(directory, Clock.systemUTC()));
    }

    /** {@code relay.delivery.lanes}: 0 goes on in the source's thread. */
    private static Processor partitionLane(CamelContext context, DeliverySettings delivery) throws Exception {
        if (delivery.lanes() == 0) {
            return exchange -> { };
        }
        List<ExecutorService> lanes = new ArrayList<>();
        for (int i = 0; i < delivery.lanes(); i++) {
            lanes.add(OrderedExecutors.single(context, "PartitionLane-" + i));
        }
        return new ContinueOnPartitionLane(new PartitionLanes(lanes, delivery.timeout()));
    }
}
