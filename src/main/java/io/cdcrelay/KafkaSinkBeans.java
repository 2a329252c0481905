package io.cdcrelay;

import java.util.Optional;

import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.delivery.OrderedExecutors;
import io.cdcrelay.ops.RelayHealth;
import io.cdcrelay.ops.RelayMetrics;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.DeadLetters;
import io.cdcrelay.sink.KafkaChangeSink;
import io.cdcrelay.topic.KafkaTopics;
import org.apache.camel.CamelContext;

/** The sink of {@code relay.sink=kafka}: its producer, topic admin and dead-letter topic. */
final class KafkaSinkBeans {

    private KafkaSinkBeans() {
    }

    static ChangeSink sink(CamelContext context, KafkaSettings kafka, boolean transactionAtATime, TopicSettings topics,
            RelayMetrics metrics, RelayHealth health) throws Exception {
        KafkaTopics admin = new KafkaTopics(KafkaTopics.adminProperties(kafka.bootstrapServers(), kafka.producer()),
                topics.partitions(), topics.replicationFactor(), topics.createMissing());
        context.addService(admin);
        Optional<DeadLetters> deadLetters = kafka.deadLetterTopic().map(t -> new DeadLetters(t, admin, metrics, health));
        return new KafkaChangeSink(kafka, transactionAtATime, admin, deadLetters,
                OrderedExecutors.single(context, "KafkaDeadLetters"));
    }
}
