package io.cdcrelay;

import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.MirrorSettings;
import io.cdcrelay.mirror.DestinationTopics;
import io.cdcrelay.mirror.KafkaMirrorComponent;
import io.cdcrelay.mirror.MirroredRecords;
import io.cdcrelay.mirror.PartitionPolicy;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.steps.CountMirrored;
import io.cdcrelay.steps.ToMirroredRecord;
import io.cdcrelay.topic.KafkaTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/** The beans of {@code routes/kafka-mirror.camel.yaml}. */
final class MirrorBeans {

    private MirrorBeans() {
    }

    /** The mirror settings that only the beans' constructors check, checked without a server. */
    static void rejectWrongSettings(MirrorSettings mirror) {
        KafkaMirrorComponent.validateClientSettings(mirror);
    }

    static void bind(CamelContext context, MirrorSettings mirror, DeliverySettings delivery, short replicationFactor,
            MirrorMetrics metrics, RelayHealth health) throws Exception {
        Registry registry = context.getRegistry();
        // the source topics exist (they are being read), so nothing is ever created there
        KafkaTopics source = new KafkaTopics(KafkaTopics.adminProperties(mirror.sourceBootstrapServers(),
                mirror.source()), 1, replicationFactor, false);
        KafkaTopics destination = new KafkaTopics(KafkaTopics.adminProperties(mirror.destinationBootstrapServers(),
                mirror.destination()), mirror.destinationPartitions(), replicationFactor, true);
        context.addService(source);
        context.addService(destination);
        PartitionPolicy policy = PartitionPolicy.of(mirror.partitionPolicy());
        DestinationTopics topics = new DestinationTopics(mirror.topicRule(), policy,
                mirror.destinationPartitions(), source, destination::partitionsOf);
        registry.bind("kafka-mirror", new KafkaMirrorComponent(mirror, delivery, metrics, health));
        registry.bind("toMirroredRecord", new ToMirroredRecord(new MirroredRecords(topics, policy)));
        registry.bind("countMirrored", new CountMirrored(metrics));
    }
}
