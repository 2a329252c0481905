package io.cdcrelay.config;

import java.util.Map;
import java.util.Optional;

/**
 * The destination Kafka cluster.
 *
 * @param producer        {@code relay.kafka.producer.*} passed to the Kafka producer as they are; they win over
 *                        the relay's own producer defaults
 * @param deadLetterTopic {@code relay.dead-letter.topic}: where a message Kafka refuses for itself is parked
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> producer, Optional<String> deadLetterTopic)
        implements Destination {

    @Override
    public Sink sink() {
        return Sink.KAFKA;
    }
}
