package io.cdcrelay.config;

import java.util.Map;

/**
 * How tables map to topics and how new topics are created.
 *
 * @param nameRule          {@code relay.topic.name}, with {@code ${database}} and {@code ${table}}
 * @param explicit          {@code relay.topic.map.<db>.<table>} keyed by {@code db.table}
 * @param createMissing     whether {@code schema} is among {@code relay.sync-types}
 */
public record TopicSettings(
        String nameRule,
        Map<String, String> explicit,
        int partitions,
        short replicationFactor,
        boolean createMissing) {
}
