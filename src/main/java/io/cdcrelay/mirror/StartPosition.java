package io.cdcrelay.mirror;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcrelay.config.MirrorSettings.StartOffset;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a newly assigned source partition starts: at the group's committed offset when there is one,
 * else by {@code relay.mirror.start-offset}: the oldest record, the end, or the first record at or after
 * {@code relay.mirror.start-time} (a time before the oldest record gives the oldest, one after the newest
 * gives the end).
 */
final class StartPosition {

    private final StartOffset mode;
    private final Optional<Instant> time;

    StartPosition(StartOffset mode, Optional<Instant> time) {
        this.mode = mode;
        this.time = time;
    }

    /**
     * Seeks each of {@code assigned} that has no committed offset.
     *
     * @return the offsets chosen for those partitions, to be committed at once so that a restart before
     *         the first record is mirrored resumes from the same place instead of choosing again
     */
    Map<TopicPartition, OffsetAndMetadata> seek(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned));
        List<TopicPartition> fresh = assigned.stream().filter(p -> committed.get(p) == null).toList();
        if (fresh.isEmpty()) {
            return Map.of();
        }
        switch (mode) {
            case EARLIEST -> consumer.seekToBeginning(fresh);
            case LATEST -> consumer.seekToEnd(fresh);
            case TIME -> seekToTime(consumer, fresh);
        }
        Map<TopicPartition, OffsetAndMetadata> chosen = new HashMap<>();
        fresh.forEach(p -> chosen.put(p, new OffsetAndMetadata(consumer.position(p))));
        return chosen;
    }

    private void seekToTime(Consumer<?, ?> consumer, List<TopicPartition> fresh) {
        long millis = time.orElseThrow().toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        fresh.forEach(p -> query.put(p, millis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        for (TopicPartition p : fresh) {
            OffsetAndTimestamp at = found.get(p);
            if (at == null) {
                consumer.seekToEnd(List.of(p));
            } else {
                consumer.seek(p, at.offset());
            }
        }
    }
}
