package io.cdcrelay.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.topic.TopicPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code relay.dead-letter.topic}: where the Kafka sink parks a message Kafka refused for itself (too large,
 * invalid), which would otherwise fail again after every restart. The parked copy keeps its key and
 * {@code relay.*} headers and gains its original topic and partition, the reason and its size; its value is
 * cut to 512 KiB when longer (a value too large for its topic is too large for this one too). Counted in
 * {@code relay.dead.lettered}, listed in {@code /status}, logged as a WARN.
 */
public final class DeadLetters {

    static final int MAX_VALUE_BYTES = 512 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String topic;
    private final TopicPartitions topics;
    private final RelayMetrics metrics;
    private final RelayHealth health;

    public DeadLetters(String topic, TopicPartitions topics, RelayMetrics metrics, RelayHealth health) {
        this.topic = topic;
        this.topics = topics;
        this.metrics = metrics;
        this.health = health;
    }

    /** Whether Kafka refused the message for what it is, not for the state of the cluster. */
    static boolean refusedForItself(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof InvalidRecordException;
    }

    /**
     * The copy to park, creating the dead-letter topic when missing. It names no partition: the topic has
     * partitions of its own, and Kafka hashes the key as the relay does.
     */
    ProducerRecord<String, byte[]> parked(Outgoing message, int partition, Throwable refused) {
        topics.partitionsOf(topic);
        byte[] value = message.value();
        String reason = refused.getClass().getSimpleName() + ": " + refused.getMessage();
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(topic, null, message.key(),
                value.length > MAX_VALUE_BYTES ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value,
                KafkaChangeSink.headersOf(message));
        parked.headers().add("relay.dlq.reason", utf8(reason));
        parked.headers().add("relay.dlq.topic", utf8(message.topic()));
        parked.headers().add("relay.dlq.partition", utf8(String.valueOf(partition)));
        parked.headers().add("relay.dlq.size", utf8(String.valueOf(value.length)));
        if (value.length > MAX_VALUE_BYTES) {
            parked.headers().add("relay.dlq.truncated", utf8("true"));
        }
        metrics.deadLettered(message.topic());
        String what = "Kafka refused a message of " + message.topic() + " (" + value.length + " bytes); it is parked in "
                + topic + ". " + reason;
        health.recordProblem("kafka", what);
        LOG.warn(what);
        return parked;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
