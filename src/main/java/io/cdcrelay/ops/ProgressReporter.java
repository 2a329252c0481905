package io.cdcrelay.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.Durations;
import io.cdcrelay.report.IncrementalSnapshotProgress;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints one progress line every {@code relay.progress.interval}: during the initial snapshot, tables done
 * of total, rows read of the source's estimate, their rate and the time left; then changes captured and
 * delivered, their rates and the lag behind the source; with the mirror on, records mirrored, their rate
 * and the records not yet mirrored.
 */
public final class ProgressReporter extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger("cdc-relay.progress");

    private final Optional<RelayMetrics> metrics;
    private final Optional<MirrorMetrics> mirror;
    private final Optional<DebeziumMBeans> debezium;
    private final Optional<IncrementalSnapshotProgress> resnapshot;
    private final LongSupplier estimatedRows;
    private final Duration interval;
    private CamelContext camelContext;
    private ScheduledExecutorService timer;
    private long lastCaptured;
    private long lastDelivered;
    private long lastMirrored;
    private long lastScanned;
    private long estimate = -1;
    private long lastNanos;

    /** @param estimatedRows the source's row estimate of the captured tables, asked once when a snapshot is seen */
    public ProgressReporter(Optional<RelayMetrics> metrics, Optional<MirrorMetrics> mirror,
            Optional<DebeziumMBeans> debezium, Optional<IncrementalSnapshotProgress> resnapshot,
            LongSupplier estimatedRows, Duration interval) {
        this.metrics = metrics;
        this.mirror = mirror;
        this.debezium = debezium;
        this.resnapshot = resnapshot;
        this.estimatedRows = estimatedRows;
        this.interval = interval;
    }

    @Override
    protected void doStart() {
        lastNanos = System.nanoTime();
        timer = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "Progress");
        timer.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            camelContext.getExecutorServiceManager().shutdownNow(timer);
        }
    }

    void report() {
        LOG.info(line());
    }

    String line() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        lastNanos = now;
        StringBuilder line = new StringBuilder();
        Optional<String> incremental = resnapshot.flatMap(IncrementalSnapshotProgress::line);
        // Debezium's snapshot metrics run during an incremental snapshot too: the re-snapshot's own part replaces them
        incremental.ifPresentOrElse(part -> line.append(part).append("  |  "), () -> debezium
                .flatMap(DebeziumMBeans::snapshot).filter(DebeziumMBeans.Snapshot::running)
                .ifPresent(s -> line.append(snapshot(s, seconds)).append("  |  ")));
        metrics.ifPresent(m -> {
            long captured = m.capturedTotal();
            long delivered = m.deliveredTotal();
            line.append(String.format("captured %,d (%,.0f/s)  delivered %,d (%,.0f/s)  lag %s",
                    captured, (captured - lastCaptured) / seconds, delivered, (delivered - lastDelivered) / seconds,
                    m.lagMillis() < 0 ? "-" : String.format("%,d ms", m.lagMillis())));
            m.sourceServer().ifPresent(server -> line.append("  from ").append(server));
            lastCaptured = captured;
            lastDelivered = delivered;
        });
        mirror.ifPresent(m -> {
            long mirrored = m.mirroredTotal();
            line.append(line.isEmpty() ? "" : "  |  ").append(String.format("mirrored %,d (%,.0f/s)  behind %s",
                    mirrored, (mirrored - lastMirrored) / seconds,
                    m.lagTotal() < 0 ? "-" : String.format("%,d records", m.lagTotal())));
            lastMirrored = mirrored;
        });
        return line.toString();
    }

    private String snapshot(DebeziumMBeans.Snapshot s, double seconds) {
        if (estimate < 0) {
            estimate = estimatedRows.getAsLong();
        }
        // Debezium updates its row count only every few seconds; the relay counts each snapshot row it captures
        long rows = Math.max(s.rowsScanned(), metrics.map(RelayMetrics::snapshotRowsCaptured).orElse(0L));
        double rate = (rows - lastScanned) / seconds;
        lastScanned = rows;
        // the server's estimate can be below what was read already
        long left = Math.max(0, estimate - rows);
        String eta = rate <= 0 ? "-" : left == 0 ? "soon" : Durations.text(Math.round(left / rate));
        return String.format("snapshot: tables %d/%d  rows %,d/~%,d (%,.0f/s)  ETA %s", s.tablesDone(), s.tablesTotal(),
                rows, Math.max(estimate, rows), rate, eta);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
