package io.cdcrelay.mirror;

/** Gives a destination topic's partition count, creating the topic with {@code partitionsIfMissing} first. */
@FunctionalInterface
public interface TopicCreator {

    int partitionsOf(String topic, int partitionsIfMissing);
}
