package io.cdcrelay.steps;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.cdcrelay.ops.RelayHealth;
import io.cdcrelay.ops.RelayMetrics;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catch of the Kafka send, for a message Kafka refused for itself (too large, invalid). With
 * {@code relay.dead-letter.topic} the message goes there instead, with its original topic and partition, the
 * reason and its size as headers, its value cut to 512 KiB when longer (a value too large for its topic is
 * too large for the dead-letter topic too), and it is counted in {@code relay.dead.lettered}. Without a
 * dead-letter topic the error stands: the batch fails and the relay retries from the last saved position.
 */
public final class ParkInDeadLetterTopic implements Processor {

    static final int MAX_VALUE_BYTES = 512 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ParkInDeadLetterTopic.class);

    private final Optional<String> deadLetterTopic;
    private final TopicPartitions topics;
    private final RelayMetrics metrics;
    private final RelayHealth health;

    public ParkInDeadLetterTopic(Optional<String> deadLetterTopic, TopicPartitions topics, RelayMetrics metrics,
            RelayHealth health) {
        this.deadLetterTopic = deadLetterTopic;
        this.topics = topics;
        this.metrics = metrics;
        this.health = health;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (deadLetterTopic.isEmpty()) {
            throw refused;
        }
        String parking = deadLetterTopic.get();
        topics.partitionsOf(parking);
        Message message = exchange.getMessage();
        // camel-kafka removes its override-topic header once it used it
        String topic = exchange.getProperty(StepProperties.TOPIC, String.class);
        byte[] value = bytesOf(message.getBody());
        String reason = refused.getClass().getSimpleName() + ": " + refused.getMessage();
        message.setHeader("relay.dlq.reason", reason);
        message.setHeader("relay.dlq.topic", topic);
        message.setHeader("relay.dlq.partition", String.valueOf(message.getHeader(KafkaConstants.PARTITION_KEY)));
        message.setHeader("relay.dlq.size", String.valueOf(value.length));
        if (value.length > MAX_VALUE_BYTES) {
            message.setHeader("relay.dlq.truncated", "true");
            message.setBody(new String(value, 0, MAX_VALUE_BYTES, StandardCharsets.UTF_8));
        }
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, parking);
        // the dead-letter topic has partitions of its own: Kafka hashes the key as the relay does
        message.removeHeader(KafkaConstants.PARTITION_KEY);
        metrics.deadLettered(topic);
        String what = "Kafka refused a message of " + topic + " (" + value.length + " bytes); it is parked in " + parking
                + ". " + reason;
        health.recordProblem("kafka", what);
        LOG.warn(what);
    }

    private static byte[] bytesOf(Object body) {
        return body instanceof byte[] bytes ? bytes : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
    }
}
