package io.cdcrelay.position;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.cdcrelay.config.SourceServer;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.report.Durations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute, how long the binlog file a restart would begin at is still safe from the source's expiry: the
 * gauges {@code relay_binlog_retention_headroom_seconds} and {@code relay_binlog_retention_seconds}, and one
 * WARN line when the headroom falls under a fifth of the retention (again only after it recovered). A relay far
 * behind, stopped in its tracks by a broker that refuses its messages, or whose captured tables see no change
 * while others fill the binlog, keeps its position in an old file; once the server purges that file, a restart
 * is refused.
 *
 * <p>The creation time of a file is read once (one short replica read, see {@link BinlogStartLocator}) and
 * remembered: it never changes.
 */
public final class RetentionMonitor extends ServiceSupport {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionMonitor.class);

    /** The source as read now: after a failover, the binlog that matters is the new server's. */
    private final Supplier<SourceSettings> source;
    private final Supplier<Optional<String>> relayFile;
    private final Map<String, Long> began = new ConcurrentHashMap<>();
    // the gauges read these; NaN (as bits) until the first reading, and while binlogs never expire
    private final AtomicLong headroom = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final AtomicLong retention = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private boolean warned;
    private SourceServer lastServer;
    private final CamelContext camelContext;
    private ScheduledExecutorService timer;

    /**
     * @param relayFile the binlog file of the relay's position now: the last change the destination
     *                  acknowledged, else the position saved before this start; empty when it has none
     */
    public RetentionMonitor(CamelContext camelContext, Supplier<SourceSettings> source, Supplier<Optional<String>> relayFile,
            MeterRegistry meters) {
        this.camelContext = camelContext;
        this.source = source;
        this.relayFile = relayFile;
        Gauge.builder("relay.binlog.retention.headroom.seconds", headroom, v -> Double.longBitsToDouble(v.get()))
                .description("seconds until the source may purge the binlog file a restart would begin at; "
                        + "NaN when binlogs never expire")
                .register(meters);
        Gauge.builder("relay.binlog.retention.seconds", retention, v -> Double.longBitsToDouble(v.get()))
                .description("the source's binlog retention (binlog_expire_logs_seconds or expire_logs_days); "
                        + "NaN when binlogs never expire")
                .register(meters);
    }

    @Override
    protected void doStart() {
        timer = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "BinlogRetention");
        timer.scheduleWithFixedDelay(this::refresh, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            camelContext.getExecutorServiceManager().shutdownNow(timer);
        }
    }

    void refresh() {
        SourceSettings reading = source.get();
        if (!reading.server().equals(lastServer)) {
            // another server's files have other creation times
            began.clear();
            lastServer = reading.server();
        }
        BinlogStartLocator locator = new BinlogStartLocator(reading);
        SourceBinlogs binlogs;
        try (Connection c = reading.connections().open()) {
            binlogs = SourceBinlogs.read(c);
        } catch (SQLException | RuntimeException e) {
            // an outage is reported by the outage checks; the gauges keep their last value
            LOG.debug("Cannot read the source's binlog retention: {}", e.getMessage());
            return;
        }
        Optional<String> file = relayFile.get();
        double seconds;
        try {
            seconds = RetentionGuard.headroomSeconds(file, binlogs.files(),
                    f -> began.computeIfAbsent(f, locator::fileCreated), binlogs.retentionSeconds(), binlogs.serverNow());
        } catch (RuntimeException e) {
            LOG.debug("Cannot read when a binlog file was begun: {}", e.getMessage());
            return;
        }
        long kept = binlogs.retentionSeconds();
        retention.set(Double.doubleToLongBits(kept > 0 ? kept : Double.NaN));
        headroom.set(Double.doubleToLongBits(seconds));
        boolean low = RetentionGuard.low(seconds, kept);
        if (low && !warned) {
            LOG.warn("The binlog file {} that a restart of relay.source.name={} would begin at may be purged by the "
                    + "source in {} (its retention is {}): once it is, a restart is refused; let the relay catch up, "
                    + "or raise binlog_expire_logs_seconds on the source", file.orElse("?"), reading.name(),
                    Durations.text((long) seconds), Durations.text(kept));
        }
        warned = low;
        began.keySet().retainAll(binlogs.files());
    }
}
