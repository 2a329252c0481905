package io.cdcrelay.config;

import java.util.regex.Pattern;

/**
 * {@code relay.mirror.topic-rule}: the destination topic of a source topic, {@code #{source_topic_name}}
 * expanded (e.g. {@code backup.#{source_topic_name}}); a rule without it maps every topic to one. Checked when
 * read: a rule giving names Kafka refuses never reaches the mirror.
 */
public final class TopicRenameRule {

    private static final String PLACEHOLDER = "#{source_topic_name}";
    // Kafka's own limit: up to 249 letters, digits, '.', '_', '-'
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final String rule;

    private TopicRenameRule(String rule) {
        this.rule = rule;
    }

    /** The rule written as {@code key=raw}; a rule whose names Kafka refuses fails with the sentence to fix it. */
    public static TopicRenameRule parse(String key, String raw) {
        TopicRenameRule parsed = new TopicRenameRule(raw);
        String sample = parsed.destinationOf("topic");
        if (!VALID.matcher(sample).matches()) {
            throw new SettingsException(key + "=" + raw + " gives topic names such as '" + sample
                    + "', which Kafka refuses: use letters, digits, '.', '_', '-' and " + PLACEHOLDER + ".");
        }
        return parsed;
    }

    public String destinationOf(String sourceTopic) {
        return rule.replace(PLACEHOLDER, sourceTopic);
    }

    /** Whether the rule maps each source topic to a topic of its own (it names the source topic). */
    public boolean oneToOne() {
        return rule.contains(PLACEHOLDER);
    }

    /** Whether each record goes to a topic of the same name as the one it came from. */
    public boolean keepsNames() {
        return rule.equals(PLACEHOLDER);
    }

    @Override
    public String toString() {
        return rule;
    }
}
