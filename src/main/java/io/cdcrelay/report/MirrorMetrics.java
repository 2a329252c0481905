package io.cdcrelay.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The mirror's meters, in the registry of the CDC routes: {@code relay.mirror.records} and
 * {@code relay.mirror.bytes} acknowledged by the destination, {@code relay.mirror.failures}, and
 * {@code relay.mirror.lag} (records in the source not yet acknowledged), each per source topic.
 */
public final class MirrorMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Map<String, Counter> bytes = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final LongAdder mirrored = new LongAdder();

    public MirrorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One record of {@code size} bytes (key, value and headers) acknowledged by the destination. */
    public void mirrored(String sourceTopic, long size) {
        mirrored.increment();
        records.computeIfAbsent(sourceTopic, t -> Counter.builder("relay.mirror.records").tag("topic", t)
                .description("records mirrored and acknowledged by the destination").register(registry)).increment();
        bytes.computeIfAbsent(sourceTopic, t -> Counter.builder("relay.mirror.bytes").tag("topic", t)
                .baseUnit("bytes").description("bytes of key, value and headers mirrored").register(registry))
                .increment(size);
    }

    /** A record the destination did not take; the mirror restarts from the last committed offsets. */
    public void failed(String sourceTopic) {
        failures.computeIfAbsent(sourceTopic, t -> Counter.builder("relay.mirror.failures").tag("topic", t)
                .description("records the destination did not acknowledge").register(registry)).increment();
    }

    /**
     * Per source topic, records of this instance's partitions not yet acknowledged by the destination; topics
     * no longer assigned here drop to 0.
     */
    public void lag(Map<String, Long> recordsByTopic) {
        lag.forEach((topic, value) -> {
            if (!recordsByTopic.containsKey(topic)) {
                value.set(0);
            }
        });
        recordsByTopic.forEach((topic, records) -> lag.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("relay.mirror.lag", value, AtomicLong::get).tag("topic", t)
                    .description("source records not yet mirrored").register(registry);
            return value;
        }).set(records));
    }

    public long mirroredTotal() {
        return mirrored.sum();
    }

    /** The lag summed over the source topics this instance reads, -1 before the first measurement. */
    public long lagTotal() {
        return lag.isEmpty() ? -1 : lag.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
