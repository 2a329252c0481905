package io.cdcrelay.config;

/**
 * Keys that share a prefix and end in a free-form part, such as {@code relay.kafka.producer.<client property>} or
 * {@code relay.topic.map.<db>.<table>}.
 *
 * @param prefix the common part, ending in {@code .}
 * @param suffix what follows the prefix, as the settings table shows it ({@code *}, {@code <db>.<table>})
 */
public record SettingFamily(String prefix, String suffix, Variables variables, String shownDefault, String doc) {

    /** How a {@code RELAY_*} environment variable of the family turns back into its key. */
    public enum Variables {
        /** Kafka's and Debezium's properties are dotted lower-case names: every {@code _} was a {@code .}. */
        DOTTED,
        /** The relay's own hyphenated words: every {@code _} was a {@code -}. */
        HYPHENATED,
        /** Database, table and topic names may contain {@code _}: no variable can say where one ends. */
        NONE
    }

    public String pattern() {
        return prefix + suffix;
    }
}
