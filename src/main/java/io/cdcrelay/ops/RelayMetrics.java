package io.cdcrelay.ops;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.cdcrelay.change.ChangeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The relay's own meters: changes captured and delivered per table and operation, and the lag of the last
 * delivered change behind its commit on the source.
 */
public final class RelayMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final LongAdder captured = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final AtomicLong lagMillis = new AtomicLong(-1);

    public RelayMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        registry.gauge("relay.lag.ms", lagMillis, AtomicLong::get);
    }

    public void captured(ChangeEvent change) {
        captured.increment();
        counter("relay.changes.captured", change).increment();
    }

    public void delivered(ChangeEvent change) {
        delivered.increment();
        counter("relay.changes.delivered", change).increment();
        if (!change.snapshot()) {
            lagMillis.set(Math.max(0, clock.millis() - change.commitTime().toEpochMilli()));
        }
    }

    public long capturedTotal() {
        return captured.sum();
    }

    public long deliveredTotal() {
        return delivered.sum();
    }

    /** Delivery time minus commit time of the last delivered binlog change, -1 before the first. */
    public long lagMillis() {
        return lagMillis.get();
    }

    private Counter counter(String name, ChangeEvent change) {
        String table = change.database() + "." + change.table();
        String op = change.operation().name();
        return counters.computeIfAbsent(name + '|' + table + '|' + op, k -> Counter.builder(name)
                .tag("table", table).tag("op", op).register(registry));
    }
}
