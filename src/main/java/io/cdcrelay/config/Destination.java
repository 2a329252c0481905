package io.cdcrelay.config;

/**
 * The broker of {@code relay.sink} with its settings: only the chosen one exists, so code that needs Kafka's
 * settings asks for them by type ({@code destination instanceof KafkaSettings kafka}) instead of checking the sink
 * name and trusting a field to be non-null.
 */
public sealed interface Destination permits KafkaSettings, RocketMqSettings {

    Sink sink();
}
