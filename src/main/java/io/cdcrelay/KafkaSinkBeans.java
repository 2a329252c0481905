package io.cdcrelay;

import java.util.Optional;
import java.util.Properties;

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
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The sink of {@code relay.sink=kafka}: its producer, topic admin and dead-letter topic. */
final class KafkaSinkBeans {

    private KafkaSinkBeans() {
    }

    /**
     * @param sourceName {@code relay.source.name}: the clients are {@code cdc-relay-<name>} and
     *                   {@code cdc-relay-<name>-topics}, which log4j2.properties recognizes (a broker outage is
     *                   logged once by the relay, not at every reconnect by each client)
     */
    static ChangeSink sink(CamelContext context, KafkaSettings kafka, String sourceName, boolean transactionAtATime,
            TopicSettings topics, RelayMetrics metrics, RelayHealth health) throws Exception {
        Properties adminProperties = KafkaTopics.adminProperties(kafka.bootstrapServers(), kafka.producer());
        adminProperties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-relay-" + sourceName + "-topics");
        KafkaTopics admin = new KafkaTopics(adminProperties, topics.partitions(), topics.replicationFactor(),
                topics.createMissing());
        context.addService(admin);
        Optional<DeadLetters> deadLetters = kafka.deadLetterTopic().map(t -> new DeadLetters(t, admin, metrics, health));
        return new KafkaChangeSink(kafka, "cdc-relay-" + sourceName, transactionAtATime, admin, deadLetters,
                OrderedExecutors.single(context, "KafkaDeadLetters"));
    }
}
