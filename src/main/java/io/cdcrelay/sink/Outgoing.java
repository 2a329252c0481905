package io.cdcrelay.sink;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.position.ResumePoint;

/**
 * A change on its way to the broker: what the route's steps hand each other. Each step returns an enriched
 * copy, so the compiler checks the hand-over and a step cannot see a field an earlier step did not set.
 *
 * @param change         the change, as mapped from the source
 * @param topic          destination topic; null until the topic step ran
 * @param partitionCount the topic's partitions (RocketMQ: message queues)
 * @param partition      the target partition, or {@link #EVERY_PARTITION} (DDL and heartbeats under Hash)
 * @param key            message key; null for a table without any key
 * @param headers        the {@code relay.*} headers, in order
 * @param value          the message value in the topic's wire format; null until rendered
 * @param resumeAt       where the source resumes after this change; null for heartbeats, which the relay makes
 */
public record Outgoing(ChangeEvent change, String topic, int partitionCount, int partition, String key,
        Map<String, String> headers, byte[] value, ResumePoint resumeAt) {

    /** The partition of a change that goes to every partition of its topic. */
    public static final int EVERY_PARTITION = -1;

    /** A change the relay made itself (a heartbeat), before any step. */
    public static Outgoing of(ChangeEvent change) {
        return of(change, null);
    }

    /** A change read from the source, before any step. */
    public static Outgoing of(ChangeEvent change, ResumePoint resumeAt) {
        return new Outgoing(change, null, 0, 0, null, Map.of(), null, resumeAt);
    }

    /** The same message for {@code rewritten}, the change as a route step left it (its columns rewritten). */
    public Outgoing withChange(ChangeEvent rewritten) {
        return new Outgoing(rewritten, topic, partitionCount, partition, key, headers, value, resumeAt);
    }

    public Outgoing toTopic(String name, int partitions) {
        return new Outgoing(change, name, partitions, partition, key, headers, value, resumeAt);
    }

    /** @param target a partition, or {@link #EVERY_PARTITION} */
    public Outgoing toPartition(int target, String messageKey) {
        return new Outgoing(change, topic, partitionCount, target, messageKey, headers, value, resumeAt);
    }

    public Outgoing withHeaders(Map<String, String> relayHeaders) {
        return new Outgoing(change, topic, partitionCount, partition, key, relayHeaders, value, resumeAt);
    }

    public Outgoing withValue(byte[] rendered) {
        return new Outgoing(change, topic, partitionCount, partition, key, headers, rendered, resumeAt);
    }

    /** The same message, resuming at {@code point}. */
    public Outgoing resumingAt(ResumePoint point) {
        return new Outgoing(change, topic, partitionCount, partition, key, headers, value, point);
    }

    public boolean everyPartition() {
        return partition == EVERY_PARTITION;
    }

    /** The partitions a copy of this message goes to, in order. */
    public List<Integer> targetPartitions() {
        return everyPartition() ? IntStream.range(0, partitionCount).boxed().toList() : List.of(partition);
    }

    /** Whether this is its transaction's last change: under rule One the next transaction waits for it. */
    public boolean endsTransaction() {
        return change.transaction() != null && change.transaction().last();
    }
}
