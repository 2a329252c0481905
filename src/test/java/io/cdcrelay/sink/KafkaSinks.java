package io.cdcrelay.sink;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

import io.cdcrelay.topic.TopicPartitions;
import org.apache.kafka.clients.producer.Producer;

/**
 * Test access to the Kafka sink over a producer the test gives (Kafka's {@code MockProducer}): its constructor for
 * that stays package-private, and the route tests live in another package.
 */
public final class KafkaSinks {

    private KafkaSinks() {
    }

    public static ChangeSink over(Producer<String, byte[]> producer, TopicPartitions topics,
            Optional<DeadLetters> deadLetters, ExecutorService parking) {
        return new KafkaChangeSink(() -> producer, topics, deadLetters, parking);
    }
}
