package io.cdcrelay.ops;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints one progress line every {@code relay.progress.interval}: changes captured and delivered, their
 * rates over the interval, and the lag behind the source; with the mirror on, records mirrored, their rate
 * and the records not yet mirrored.
 */
public final class ProgressReporter extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger("cdc-relay.progress");

    private final RelayMetrics metrics;
    private final MirrorMetrics mirror;
    private final Duration interval;
    private CamelContext camelContext;
    private ScheduledExecutorService timer;
    private long lastCaptured;
    private long lastDelivered;
    private long lastMirrored;
    private long lastNanos;

    /**
     * @param metrics the CDC routes' meters, null without CDC
     * @param mirror  the mirror's meters, null without the mirror
     */
    public ProgressReporter(RelayMetrics metrics, MirrorMetrics mirror, Duration interval) {
        this.metrics = metrics;
        this.mirror = mirror;
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
        if (metrics != null) {
            long captured = metrics.capturedTotal();
            long delivered = metrics.deliveredTotal();
            line.append(String.format("captured %,d (%,.0f/s)  delivered %,d (%,.0f/s)  lag %s",
                    captured, (captured - lastCaptured) / seconds, delivered, (delivered - lastDelivered) / seconds,
                    metrics.lagMillis() < 0 ? "-" : String.format("%,d ms", metrics.lagMillis())));
            lastCaptured = captured;
            lastDelivered = delivered;
        }
        if (mirror != null) {
            long mirrored = mirror.mirroredTotal();
            line.append(line.isEmpty() ? "" : "  |  ").append(String.format("mirrored %,d (%,.0f/s)  behind %s",
                    mirrored, (mirrored - lastMirrored) / seconds,
                    mirror.lagTotal() < 0 ? "-" : String.format("%,d records", mirror.lagTotal())));
            lastMirrored = mirrored;
        }
        return line.toString();
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
