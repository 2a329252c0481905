package io.cdcrelay.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How tables map to topics and how new topics are created. Checked when built: a rule that gives a plain table a
 * name Kafka or RocketMQ refuses, or an explicit topic they refuse, stops the start here, before any server is
 * asked.
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

    /** What both brokers accept: RocketMQ allows no more than 64 characters, Kafka no others. */
    public static final Pattern VALID_TOPIC = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    public TopicSettings {
        explicit = Map.copyOf(explicit);
        explicit.forEach((table, topic) -> requireValid(MessageKeys.TOPIC_MAP.prefix() + table, topic));
        // a rule must expand to valid names: try it on a plain table name
        requireValid(MessageKeys.TOPIC_NAME.key(), expand(nameRule, "db", "table"));
    }

    /** {@code rule} with a table's database and name in place of {@code ${database}} and {@code ${table}}. */
    public static String expand(String rule, String database, String table) {
        return rule.replace("${database}", database).replace("${table}", table);
    }

    private static void requireValid(String key, String topic) {
        if (!VALID_TOPIC.matcher(topic).matches()) {
            throw new SettingsException(key + " gives topic name '" + topic + "', which is not valid: use 3 to "
                    + "64 letters, digits, '.', '_' or '-'.");
        }
    }
}
