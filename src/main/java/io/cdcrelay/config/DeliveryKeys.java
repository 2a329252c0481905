package io.cdcrelay.config;

import java.time.Duration;
import java.util.List;

/** The keys of how changes reach the broker and when their position is saved. */
public final class DeliveryKeys {

    public static final Setting<Integer> WINDOW = Setting.of("relay.delivery.window", Parser.integer(1, 1_000_000), "2000",
            "changes sent and not yet acknowledged, at most; the binlog reader waits only when it is full");
    public static final Setting<Integer> LANES = Setting.of("relay.delivery.lanes", Parser.integer(0, 64), "0",
            "threads that render changes and hand them to the broker client; 0: the thread taking them from Debezium");
    public static final Setting<DeliveryGuarantee> GUARANTEE = Setting.of("relay.delivery.guarantee",
            Parser.choice(DeliveryGuarantee.class), "at-least-once",
            "at-least-once, or exactly-once: changes and the position after them in one Kafka transaction");
    public static final Setting<String> POSITIONS_TOPIC = Setting.optional("relay.delivery.positions-topic", Parser.text(),
            "<relay.source.name>.positions", "under exactly-once: the compacted topic the position is committed to");
    public static final Setting<Duration> TIMEOUT = Setting.of("relay.delivery.timeout", Parser.duration(), "2m",
            "how long nothing may be acknowledged before the relay restarts from the saved position");
    public static final Setting<Duration> OFFSET_FLUSH_INTERVAL = Setting.of("relay.offset.flush-interval",
            Parser.duration(), "1s", "how often the position of acknowledged changes is saved");

    public static final List<Setting<?>> ALL = List.of(WINDOW, LANES, GUARANTEE, POSITIONS_TOPIC, TIMEOUT,
            OFFSET_FLUSH_INTERVAL);

    private DeliveryKeys() {
    }
}
