package io.cdcrelay.config;

/**
 * The wire formats by the names {@code relay.format} and {@code relay.format.topic.<topic>} take; docs/formats.md
 * describes each.
 */
public enum WireFormatName {
    DEFAULT, DEFAULT_EXTEND_COLUMN_TYPE, CANAL, DATAWORKS, SHAREPLEX, DEBEZIUM;

    /** As written in the properties, and as the format calls itself. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
