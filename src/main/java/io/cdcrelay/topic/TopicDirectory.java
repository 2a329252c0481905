package io.cdcrelay.topic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The topics the relay has sent to, each with the first table it saw going there: where heartbeats go. */
public final class TopicDirectory {

    /** A table feeding a topic. */
    public record Entry(String topic, String database, String table) {
    }

    private final Map<String, Entry> byTopic = new ConcurrentHashMap<>();

    public void seen(String topic, String database, String table) {
        if (!byTopic.containsKey(topic)) {
            byTopic.putIfAbsent(topic, new Entry(topic, database, table));
        }
    }

    public List<Entry> topics() {
        return List.copyOf(byTopic.values());
    }
}
