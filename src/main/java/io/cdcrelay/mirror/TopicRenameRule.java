package io.cdcrelay.mirror;

import java.util.regex.Pattern;

import io.cdcrelay.config.SettingsException;

/**
 * {@code relay.mirror.topic-rule}: the destination topic of a source topic, {@code #{source_topic_name}}
 * expanded (e.g. {@code backup.#{source_topic_name}}); a rule without it maps every topic to one.
 */
public final class TopicRenameRule {

    private static final String PLACEHOLDER = "#{source_topic_name}";
    // Kafka's own limit: up to 249 letters, digits, '.', '_', '-'
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final String rule;

    public TopicRenameRule(String rule) {
        this.rule = rule;
        String sample = destinationOf("topic");
        if (!VALID.matcher(sample).matches()) {
            throw new SettingsException("relay.mirror.topic-rule=" + rule + " gives topic names such as '" + sample
                    + "', which Kafka refuses: use letters, digits, '.', '_', '-' and #{source_topic_name}.");
        }
    }

    public String destinationOf(String sourceTopic) {
        return rule.replace(PLACEHOLDER, sourceTopic);
    }

    /** Whether the rule maps each source topic to a topic of its own (it names the source topic). */
    public boolean oneToOne() {
        return rule.contains(PLACEHOLDER);
    }
}
