package io.cdcrelay.topic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cdcrelay.config.TopicSettings;

/**
 * The topic of a table: its explicit {@code relay.topic.map.<db>.<table>}, else {@code relay.topic.name}
 * with {@code ${database}} and {@code ${table}} expanded. The settings checked the rule on a plain table name;
 * a table whose own name makes the topic invalid is only found here.
 */
public final class TopicNameRule {

    private final String rule;
    private final Map<String, String> explicit;
    // checked once per table: a regular expression per change is measurable at tens of thousands per second
    private final Map<String, String> byTable = new ConcurrentHashMap<>();

    public TopicNameRule(TopicSettings settings) {
        this.rule = settings.nameRule();
        this.explicit = settings.explicit();
    }

    public String topicOf(String database, String table) {
        return byTable.computeIfAbsent(database + "." + table, k -> resolve(database, table));
    }

    private String resolve(String database, String table) {
        String mapped = explicit.get(database + "." + table);
        if (mapped != null) {
            return mapped;
        }
        String name = TopicSettings.expand(rule, database, table);
        if (!TopicSettings.VALID_TOPIC.matcher(name).matches()) {
            throw new IllegalStateException("table " + database + "." + table + " maps to topic '" + name
                    + "', which is not 3-64 letters, digits, '.', '_' or '-': map it with relay.topic.map."
                    + database + "." + table);
        }
        return name;
    }
}
