package io.cdcrelay.topic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.TopicSettings;

/**
 * The topic of a table: its explicit {@code relay.topic.map.<db>.<table>}, else {@code relay.topic.name}
 * with {@code ${database}} and {@code ${table}} expanded.
 */
public final class TopicNameRule {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    private final String rule;
    private final Map<String, String> explicit;
    // checked once per table: a regular expression per change is measurable at tens of thousands per second
    private final Map<String, String> byTable = new ConcurrentHashMap<>();

    public TopicNameRule(TopicSettings settings) {
        this.rule = settings.nameRule();
        this.explicit = settings.explicit();
        explicit.forEach((table, topic) -> requireValid("relay.topic.map." + table, topic));
        // a rule must expand to valid names: try it on a plain table name
        requireValid("relay.topic.name", expand("db", "table"));
    }

    public String topicOf(String database, String table) {
        return byTable.computeIfAbsent(database + "." + table, k -> resolve(database, table));
    }

    private String resolve(String database, String table) {
        String mapped = explicit.get(database + "." + table);
        if (mapped != null) {
            return mapped;
        }
        String name = expand(database, table);
        if (!VALID.matcher(name).matches()) {
            throw new IllegalStateException("table " + database + "." + table + " maps to topic '" + name
                    + "', which is not 3-64 letters, digits, '.', '_' or '-': map it with relay.topic.map."
                    + database + "." + table);
        }
        return name;
    }

    private String expand(String database, String table) {
        return rule.replace("${database}", database).replace("${table}", table);
    }

    private static void requireValid(String key, String topic) {
        if (!VALID.matcher(topic).matches()) {
            throw new SettingsException(key + " gives topic name '" + topic + "', which is not valid: use 3 to "
                    + "64 letters, digits, '.', '_' or '-'.");
        }
    }
}
