package io.cdcrelay;

import java.time.Clock;
import java.util.Optional;

import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.capture.RelayDebeziumComponent;
import io.cdcrelay.change.ChangeEventMapper;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.KeyCatalog;
import io.cdcrelay.change.JdbcServerVersion;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.FormatSettings;
import io.cdcrelay.delivery.OrderedExecutors;
import io.cdcrelay.delivery.PartitionLanes;
import io.cdcrelay.config.PartitioningSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.format.FormatOptions;
import io.cdcrelay.format.FormatRegistry;
import io.cdcrelay.format.ValueRenderer;
import io.cdcrelay.partition.HashPartitioner;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.partition.OnePartitioner;
import io.cdcrelay.partition.Partitioner;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.SinkComponent;
import io.cdcrelay.sink.TransactionGate;
import io.cdcrelay.steps.AddRelayHeaders;
import io.cdcrelay.steps.ContinueOnPartitionLane;
import io.cdcrelay.steps.PartitionByKey;
import io.cdcrelay.steps.RenderWireFormat;
import io.cdcrelay.steps.RouteToTopic;
import io.cdcrelay.steps.SplitKeyChanges;
import io.cdcrelay.steps.ToChangeEvent;
import io.cdcrelay.steps.Heartbeats;
import io.cdcrelay.topic.TopicDirectory;
import io.cdcrelay.topic.TopicNameRule;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

/**
 * Binds the beans the YAML routes call, each built from the validated settings. The names here are the
 * ones the routes use.
 */
final class RelayBeans implements CamelConfiguration {

    private final RelaySettings settings;
    private final KeyCatalog keyCatalog;
    private final Optional<String> columnExcludeList;
    private final boolean fromSeededOffset;

    /**
     * @param keyCatalog        the source's keys, already read by the start checks; null without CDC
     * @param columnExcludeList {@code relay.columns.*} as Debezium's column exclude list, made by the start checks
     * @param fromSeededOffset  whether the engine starts at the position seeded for
     *                          {@code relay.incremental.start-timestamp}, not moved from yet
     */
    RelayBeans(RelaySettings settings, KeyCatalog keyCatalog, Optional<String> columnExcludeList,
            boolean fromSeededOffset) {
        this.settings = settings;
        this.keyCatalog = keyCatalog;
        this.columnExcludeList = columnExcludeList;
        this.fromSeededOffset = fromSeededOffset;
    }

    /**
     * The settings that only the beans' constructors check (format names, topic rules, the mirror's client
     * settings), checked without touching a server, so that a wrong setting stops the start with its sentence
     * (exit code 2) before the precheck waits for any server.
     */
    static void rejectWrongSettings(RelaySettings settings) {
        if (settings.cdcEnabled()) {
            FormatSettings f = settings.formats();
            FormatRegistry.standard(new RelayBeans(settings, null, Optional.empty(), false).formatOptions())
                    .select(f.format(), f.formatByTopic());
            new TopicNameRule(settings.topics());
        }
        if (settings.mirror() != null) {
            MirrorBeans.rejectWrongSettings(settings.mirror());
        }
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        OpsBeans ops = OpsBeans.bind(context, settings);
        if (settings.cdcEnabled()) {
            bindCdc(context, registry, ops);
        }
        if (ops.mirrorMetrics.isPresent()) {
            MirrorBeans.bind(context, settings.mirror(), settings.delivery(), settings.topics().replicationFactor(),
                    ops.mirrorMetrics.get(), ops.health);
        }
    }

    private void bindCdc(CamelContext context, Registry registry, OpsBeans ops) throws Exception {
        CommitSequence commitSequence = new CommitSequence();
        ValueRenderer values = new ValueRenderer(settings.timeZone());
        FormatSettings f = settings.formats();
        registry.bind("renderWireFormat", new RenderWireFormat(FormatRegistry.standard(formatOptions())
                .select(f.format(), f.formatByTopic())));
        PartitioningSettings partitioning = settings.partitioning();
        PartitionKey keys = new PartitionKey(values, partitioning::shardingColumnsOf);
        Partitioner partitioner = partitioning.rule() == PartitioningSettings.Rule.ONE ? new OnePartitioner()
                : new HashPartitioner(keys);
        registry.bind("partitionByKey", new PartitionByKey(partitioner, keys));
        registry.bind("splitKeyChanges", new SplitKeyChanges(
                new KeyChangeSplitter(keys, commitSequence, partitioning.splitKeyUpdates())));
        registry.bind("addRelayHeaders", new AddRelayHeaders(f.transactionSequence(), f.businessSystemId()));

        ChangeSink sink = settings.sink().equals("rocketmq")
                ? RocketMqSinkBeans.sink(context, settings.rocketmq(), settings.topics())
                : KafkaSinkBeans.sink(context, settings.kafka(), settings.topics(), ops.metrics, ops.health);
        if (settings.delivery().transactionAtATime()) {
            sink = new TransactionGate(sink, OrderedExecutors.single(context, "TransactionGate"));
        }
        registry.bind("sink", new SinkComponent(sink));
        registry.bind("partitionLane", partitionLane(context, settings.delivery()));
        TopicDirectory directory = new TopicDirectory();
        registry.bind("routeToTopic", new RouteToTopic(new TopicNameRule(settings.topics()), sink, directory));
        registry.bind("heartbeats", new Heartbeats(directory, Clock.systemUTC()));

        SourceSettings source = settings.source();
        registry.bind("debezium-mysql", new RelayDebeziumComponent(
                DebeziumSourceConfiguration.of(source, settings.dataDir(), settings.syncTypes(), fromSeededOffset,
                        settings.delivery(), columnExcludeList),
                settings.delivery(), ops.health));
        registry.bind("toChangeEvent", new ToChangeEvent(new ChangeEventMapper(keyCatalog, commitSequence, source::captures)));
    }

    /** {@code relay.delivery.lanes}: 0 goes on in the source's thread. */
    private static Processor partitionLane(CamelContext context, DeliverySettings delivery) throws Exception {
        if (delivery.lanes() == 0) {
            return exchange -> { };
        }
        PartitionLanes lanes = new PartitionLanes(delivery.lanes(),
                i -> lane(context, "PartitionLane-" + i), delivery.timeout());
        return new ContinueOnPartitionLane(lanes);
    }

    private static java.util.concurrent.ExecutorService lane(CamelContext context, String name) {
        try {
            return OrderedExecutors.single(context, name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    private FormatOptions formatOptions() {
        FormatSettings f = settings.formats();
        SourceSettings source = settings.source();
        return new FormatOptions(source.name(), f.dbType(), f.tenant(), f.clusterId(), new JdbcServerVersion(source.connections()),
                settings.timeZone(), f.transactionSequence(), f.debeziumSchemas(), Clock.systemUTC());
    }


}
