package io.cdcrelay.steps;

/** Names of the exchange properties the steps hand to each other and to the route's last steps. */
public final class StepProperties {

    /** Destination topic of the change. */
    public static final String TOPIC = "relayTopic";
    /** Partition count of that topic. */
    public static final String PARTITIONS = "relayPartitions";
    /** Partition the change goes to. */
    public static final String PARTITION = "relayPartition";
    /** Every partition of the topic, for a change that goes to all of them (DDL, heartbeats under Hash). */
    public static final String BROADCAST = "relayBroadcast";
    /** The rendered message value, kept while a broadcast sends it to each partition. */
    public static final String VALUE = "relayValue";
    /** Message key, absent for a table without any key. */
    public static final String KEY = "relayKey";
    /** The mirror's source record, kept while the body is its destination record. */
    public static final String MIRROR_SOURCE = "relayMirrorSource";

    private StepProperties() {
    }
}
