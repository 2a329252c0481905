package io.cdcrelay.mirror;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cdcrelay.config.TopicRenameRule;
import io.cdcrelay.topic.TopicPartitions;

/**
 * The destination topic of each source topic, by {@code relay.mirror.topic-rule}: created when missing with
 * {@code relay.mirror.destination.partitions} (under {@code same}, at least the source's partition count),
 * and refused when it exists with fewer partitions than the policy needs.
 */
public final class DestinationTopics {

    private final TopicRenameRule rule;
    private final PartitionPolicy policy;
    private final int partitions;
    private final TopicPartitions source;
    private final TopicCreator destination;
    private final Map<String, String> checked = new ConcurrentHashMap<>();

    public DestinationTopics(TopicRenameRule rule, PartitionPolicy policy, int partitions, TopicPartitions source,
            TopicCreator destination) {
        this.rule = rule;
        this.policy = policy;
        this.partitions = partitions;
        this.source = source;
        this.destination = destination;
    }

    public String destinationOf(String sourceTopic) {
        String known = checked.get(sourceTopic);
        return known != null ? known : checked.computeIfAbsent(sourceTopic, this::check);
    }

    private String check(String sourceTopic) {
        String topic = rule.destinationOf(sourceTopic);
        int sourcePartitions = source.partitionsOf(sourceTopic);
        int needed = policy.minimumPartitions(sourcePartitions);
        int actual = destination.partitionsOf(topic, Math.max(partitions, needed));
        if (actual < needed) {
            throw new IllegalStateException("destination topic " + topic + " has " + actual + " partitions, fewer "
                    + "than the " + sourcePartitions + " of source topic " + sourceTopic + " that "
                    + "relay.mirror.partition-policy=same keeps: add partitions to " + topic
                    + " or choose the zero or round-robin policy");
        }
        return topic;
    }
}
