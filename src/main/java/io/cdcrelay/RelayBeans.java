package io.cdcrelay;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.capture.RelayDebeziumComponent;
import io.cdcrelay.change.ChangeEventMapper;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.JdbcKeyCatalog;
import io.cdcrelay.change.JdbcServerVersion;
import io.cdcrelay.config.FormatSettings;
import io.cdcrelay.config.PartitioningSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.format.FormatOptions;
import io.cdcrelay.format.FormatRegistry;
import io.cdcrelay.format.ValueRenderer;
import io.cdcrelay.ops.DeliveryTracking;
import io.cdcrelay.ops.ProgressReporter;
import io.cdcrelay.ops.RelayMetrics;
import io.cdcrelay.partition.HashPartitioner;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.partition.OnePartitioner;
import io.cdcrelay.partition.Partitioner;
import io.cdcrelay.partition.PartitionKey;
import io.cdcrelay.steps.AddRelayHeaders;
import io.cdcrelay.steps.PartitionByKey;
import io.cdcrelay.steps.RenderWireFormat;
import io.cdcrelay.steps.RouteToTopic;
import io.cdcrelay.steps.SplitKeyChanges;
import io.cdcrelay.steps.ToChangeEvent;
import io.cdcrelay.steps.Heartbeats;
import io.cdcrelay.topic.KafkaTopics;
import io.cdcrelay.topic.TopicDirectory;
import io.cdcrelay.topic.TopicNameRule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Binds the beans the YAML routes call, each built from the validated settings. The names here are the
 * ones the routes use.
 */
final class RelayBeans implements CamelConfiguration {

    private final RelaySettings settings;
    private final Optional<String> columnExcludeList;

    /** @param columnExcludeList {@code relay.columns.*} as Debezium's column exclude list, made by the start checks */
    RelayBeans(RelaySettings settings, Optional<String> columnExcludeList) {
        this.settings = settings;
        this.columnExcludeList = columnExcludeList;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        CommitSequence commitSequence = new CommitSequence();
        MeterRegistry meters = new SimpleMeterRegistry();
        registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        RelayMetrics metrics = new RelayMetrics(meters, Clock.systemUTC());
        registry.bind("relayMetrics", metrics);
        registry.bind("deliveryTracking", new DeliveryTracking(metrics));
        context.addService(new ProgressReporter(metrics, settings.progressInterval()));

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

        KafkaTopics topics = new KafkaTopics(adminProperties(), settings.topics().partitions(),
                settings.topics().replicationFactor(), settings.topics().createMissing());
        context.addService(topics);
        TopicDirectory directory = new TopicDirectory();
        registry.bind("routeToTopic", new RouteToTopic(new TopicNameRule(settings.topics()), topics, directory));
        registry.bind("heartbeats", new Heartbeats(directory, Clock.systemUTC()));
        registry.bind("kafka", kafkaComponent());

        if (settings.cdcEnabled()) {
            SourceSettings source = settings.source();
            registry.bind("debezium-mysql", new RelayDebeziumComponent(
                    DebeziumSourceConfiguration.of(source, settings.dataDir(), settings.syncTypes(), settings.delivery(),
                            columnExcludeList),
                    settings.delivery()));
            registry.bind("toChangeEvent", new ToChangeEvent(new ChangeEventMapper(
                    new JdbcKeyCatalog(source.jdbcUrl(), source.user(), source.password()), commitSequence,
                    source::captures)));
        }
    }

    private FormatOptions formatOptions() {
        FormatSettings f = settings.formats();
        SourceSettings source = settings.source();
        Supplier<String> version = source == null ? () -> ""
                : new JdbcServerVersion(source.jdbcUrl(), source.user(), source.password());
        return new FormatOptions(source == null ? "relay" : source.name(), f.dbType(), f.tenant(), f.clusterId(),
                version, settings.timeZone(), f.transactionSequence(), f.debeziumSchemas(), Clock.systemUTC());
    }

    /** Idempotent, acks=all, asynchronous: per-partition order holds with up to 5 requests in flight. */
    private KafkaComponent kafkaComponent() {
        KafkaConfiguration c = new KafkaConfiguration();
        c.setBrokers(settings.kafka().bootstrapServers());
        c.setRequestRequiredAcks("all");
        c.setEnableIdempotence(true);
        c.setMaxInFlightRequest(5);
        c.setLingerMs(5);
        c.setCompressionCodec("lz4");
        c.setRecordMetadata(false);
        Map<String, Object> passThrough = new HashMap<>(settings.kafka().producer());
        c.setAdditionalProperties(passThrough);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(c);
        return component;
    }

    private Properties adminProperties() {
        Properties admin = new Properties();
        // the producer's security settings (SASL, TLS) apply to the admin client as well
        settings.kafka().producer().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.setProperty(key, value);
            }
        });
        admin.setProperty("bootstrap.servers", settings.kafka().bootstrapServers());
        return admin;
    }
}
