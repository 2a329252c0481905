package io.cdcrelay;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import io.cdcrelay.acknowledgement.OrderedExecutors;
import io.cdcrelay.config.DeliverySettings;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.position.PositionCodec;
import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.DeadLetters;
import io.cdcrelay.sink.KafkaChangeSink;
import io.cdcrelay.sink.TransactionalKafkaSink;
import io.cdcrelay.topic.KafkaTopics;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The sink of {@code relay.sink=kafka}: its producer, topic admin and dead-letter topic. */
final class KafkaSinkBeans {

    /**
     * Exactly-once: a Kafka transaction is committed at the latest at this many changes or this age, so that
     * under a steady load consumers see changes within about half a second; it commits sooner whenever no
     * change is waiting.
     */
    private static final int COMMIT_MESSAGES = 10_000;
    private static final Duration COMMIT_AGE = Duration.ofMillis(500);

    private KafkaSinkBeans() {
    }

    /**
     * @param sourceName {@code relay.source.name}: the clients are {@code cdc-relay-<name>} and
     *                   {@code cdc-relay-<name>-topics}, which log4j2.properties recognizes (a broker outage is
     *                   logged once by the relay, not at every reconnect by each client); it also names the
     *                   exactly-once producer's transactional.id
     */
    static ChangeSink sink(CamelContext context, KafkaSettings kafka, DeliverySettings delivery, TopicSettings topics,
            String sourceName, RelayMetrics metrics, RelayHealth health) throws Exception {
        Properties adminProperties = KafkaTopics.adminProperties(kafka.bootstrapServers(), kafka.producer());
        adminProperties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-relay-" + sourceName + "-topics");
        KafkaTopics admin = new KafkaTopics(adminProperties, topics.partitions(), topics.replicationFactor(),
                topics.createMissing());
        context.addService(admin);
        if (delivery.exactlyOnce()) {
            admin.ensureCompacted(delivery.positionsTopic(), "relay.delivery.positions-topic");
            Properties producer = TransactionalKafkaSink.producerProperties(kafka, sourceName,
                    delivery.transactionAtATime());
            TransactionalKafkaSink sink = new TransactionalKafkaSink(
                    () -> new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer()), admin,
                    delivery.positionsTopic(), new PositionCodec(sourceName),
                    commits(delivery),
                    OrderedExecutors.single(context, "KafkaTransactions"));
            metrics.replaysDropped(sink::replaysDropped);
            return sink;
        }
        boolean transactionAtATime = delivery.transactionAtATime();
        Optional<DeadLetters> deadLetters = kafka.deadLetterTopic().map(t -> new DeadLetters(t, admin, metrics, health));
        return new KafkaChangeSink(kafka, "cdc-relay-" + sourceName, transactionAtATime, admin, deadLetters,
                OrderedExecutors.single(context, "KafkaDeadLetters"));
    }

    /**
     * At most half the window in one transaction (and in one chunk of a source transaction under rule One): the
     * source waits while the window is full, so a transaction must be able to commit before it fills.
     */
    private static TransactionalKafkaSink.Commits commits(DeliverySettings delivery) {
        int half = Math.max(1, delivery.window() / 2);
        return new TransactionalKafkaSink.Commits(Math.min(COMMIT_MESSAGES, half), COMMIT_AGE,
                delivery.transactionAtATime(), Math.min(delivery.transactionChunk(), half));
    }
}
