package io.cdcrelay.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.SourcePosition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The relay's own meters: changes captured and delivered per table and operation, transactions captured,
 * bytes delivered, the time from capture to the broker's acknowledgement, and the lag of the last delivered
 * change behind its commit on the source. It also remembers where the last delivered change was read, and which
 * server of a {@code relay.source.host} listing several is read now.
 */
public final class RelayMetrics {

    /** Where the last delivered change came from. */
    public record Delivered(SourcePosition position, String transaction, Instant commitTime, boolean snapshot) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    /** {@code relay.dead.lettered} by topic. */
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<TableOperation, ChangeMeters> meters = new ConcurrentHashMap<>();
    private final LongAdder captured = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder snapshotRows = new LongAdder();
    private final AtomicLong lagMillis = new AtomicLong(-1);
    /** Kept as it came: a {@link Delivered} is built when asked for, not for every change. */
    private final AtomicReference<ChangeEvent> lastDelivered = new AtomicReference<>();
    /** The server of relay.source.host read now, when it lists several; null with one. */
    private final AtomicReference<String> sourceServer = new AtomicReference<>();
    private final AtomicLong sourceServerIndex = new AtomicLong(0);
    private final Counter failovers;
    private final Counter transactions;
    private final Counter bytes;
    private final Timer latency;
    // the binlog hands over whole transactions one after another, so a new id starts a new transaction
    private String lastTransaction = "";

    public RelayMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        registry.gauge("relay.lag.ms", lagMillis, AtomicLong::get);
        transactions = Counter.builder("relay.transactions.captured")
                .description("source transactions read from the binlog").register(registry);
        bytes = Counter.builder("relay.bytes.delivered").baseUnit("bytes")
                .description("message values acknowledged by the broker").register(registry);
        failovers = Counter.builder("relay.source.failovers")
                .description("times the relay moved to another server of relay.source.host").register(registry);
        latency = Timer.builder("relay.delivery.latency").publishPercentiles(0.5, 0.99)
                .description("from capture to the broker's acknowledgement").register(registry);
    }

    /**
     * Counts {@code change} as captured.
     *
     * @return the meters of its table and operation, for {@link #delivered} to count it without a second lookup
     */
    public ChangeMeters captured(ChangeEvent change) {
        captured.increment();
        ChangeMeters meters = metersOf(change);
        meters.captured().increment();
        if (change.snapshot()) {
            snapshotRows.increment();
        }
        String tx = change.transactionId();
        if (!change.snapshot() && !tx.isEmpty() && !tx.equals(lastTransaction)) {
            lastTransaction = tx;
            transactions.increment();
        }
        return meters;
    }

    /**
     * Counts {@code change} as delivered.
     *
     * @param meters    what {@link #captured} returned for it
     * @param sentNanos {@link System#nanoTime()} when the change was captured
     * @param size      bytes of its value
     */
    public void delivered(ChangeEvent change, ChangeMeters meters, long sentNanos, long size) {
        delivered.increment();
        meters.delivered().increment();
        latency.record(System.nanoTime() - sentNanos, TimeUnit.NANOSECONDS);
        bytes.increment(size);
        lastDelivered.set(change);
        if (!change.snapshot()) {
            lagMillis.set(Math.max(0, clock.millis() - change.commitTime().toEpochMilli()));
        }
    }

    /** A message of {@code topic} Kafka refused and the relay parked in the dead-letter topic. */
    public void deadLettered(String topic) {
        deadLettered.computeIfAbsent(String.valueOf(topic),
                k -> Counter.builder("relay.dead.lettered").tag("topic", k)
                        .description("messages parked in relay.dead-letter.topic").register(registry)).increment();
    }

    /**
     * The server read now, of a {@code relay.source.host} that lists several.
     *
     * @param index its place in the list, 0 for the first
     */
    public void readingServer(String server, int index) {
        if (sourceServer.getAndSet(server) == null) {
            Gauge.builder("relay.source.server.index", sourceServerIndex, AtomicLong::get)
                    .description("the place in relay.source.host of the server the relay reads, 0 for the first")
                    .register(registry);
        }
        sourceServerIndex.set(index);
    }

    /** The server read now, when relay.source.host lists several. */
    public Optional<String> sourceServer() {
        return Optional.ofNullable(sourceServer.get());
    }

    public void failedOver() {
        failovers.increment();
    }

    /**
     * Counts, as {@code relay.replays.dropped}, the binlog rows the exactly-once sink did not send a second time
     * because the source sent them again (a binlog reconnect inside a transaction).
     */
    public void replaysDropped(LongSupplier count) {
        FunctionCounter.builder("relay.replays.dropped", count, c -> c.getAsLong())
                .description("binlog rows the source sent again and exactly-once did not send twice")
                .register(registry);
    }

    public long capturedTotal() {
        return captured.sum();
    }

    /** Rows of the initial snapshot captured so far. */
    public long snapshotRowsCaptured() {
        return snapshotRows.sum();
    }

    public long deliveredTotal() {
        return delivered.sum();
    }

    /** Delivery time minus commit time of the last delivered binlog change, -1 before the first. */
    public long lagMillis() {
        return lagMillis.get();
    }

    /** The last change the broker acknowledged, or {@code null} before the first. */
    public Delivered lastDelivered() {
        ChangeEvent change = lastDelivered.get();
        return change == null ? null
                : new Delivered(change.position(), change.transactionId(), change.commitTime(), change.snapshot());
    }

    /** {@code db.table} → operation → changes, of {@code relay.changes.captured} or {@code .delivered}. */
    public Map<String, Map<String, Long>> countsByTable(String meter) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        registry.find(meter).counters().forEach(c -> counts
                .computeIfAbsent(c.getId().getTag("table"), t -> new TreeMap<>())
                .put(c.getId().getTag("op"), (long) c.count()));
        return counts;
    }

    private ChangeMeters metersOf(ChangeEvent change) {
        // looked up for every change: a key of the parts costs no string building, unlike the tag "db.table"
        return meters.computeIfAbsent(new TableOperation(change.database(), change.table(), change.operation()),
                k -> new ChangeMeters(changeCounter("relay.changes.captured", k),
                        changeCounter("relay.changes.delivered", k)));
    }

    private Counter changeCounter(String name, TableOperation k) {
        return Counter.builder(name).tag("table", k.database() + "." + k.table()).tag("op", k.operation().name())
                .register(registry);
    }

    /** The captured and delivered counters of one table and operation. */
    public record ChangeMeters(Counter captured, Counter delivered) {
    }

    private record TableOperation(String database, String table, Operation operation) {
    }
}
