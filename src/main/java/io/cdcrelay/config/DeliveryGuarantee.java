package io.cdcrelay.config;


/** {@code relay.delivery.guarantee}: what a consumer of the destination sees after any crash of the relay. */
public enum DeliveryGuarantee {

    /** Every change, some of them again after a crash: the position is saved after the broker acknowledged. */
    AT_LEAST_ONCE("at-least-once"),
    /**
     * Every change once to a {@code read_committed} consumer: changes and the position they end at are written in
     * one Kafka transaction.
     */
    EXACTLY_ONCE("exactly-once");

    private final String value;

    DeliveryGuarantee(String value) {
        this.value = value;
    }

    /** The value as written in the properties. */
    public String value() {
        return value;
    }
}
