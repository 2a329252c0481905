package io.cdcrelay.config;

import java.util.Map;

/**
 * The destination Kafka cluster.
 *
 * @param producer {@code relay.kafka.producer.*} passed to the Kafka producer as they are; they win over
 *                 the relay's own producer defaults
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> producer) {
}
