package io.cdcrelay.config;

/** {@code relay.sink}: the broker the changes are published to. */
public enum Sink {
    KAFKA, ROCKETMQ;

    /** As written in the properties. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
