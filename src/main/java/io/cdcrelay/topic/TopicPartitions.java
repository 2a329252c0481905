package io.cdcrelay.topic;

/** The partition (Kafka) or message-queue (RocketMQ) count of a destination topic, creating it when missing. */
public interface TopicPartitions {

    int partitionsOf(String topic);
}
