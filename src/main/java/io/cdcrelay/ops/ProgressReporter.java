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
 * rates over the interval, and the lag behind the source.
 */
public final class ProgressReporter extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger("cdc-relay.progress");

    private final RelayMetrics metrics;
    private final Duration interval;
    private CamelContext camelContext;
    private ScheduledExecutorService timer;
    private long lastCaptured;
    private long lastDelivered;
    private long lastNanos;

    public ProgressReporter(RelayMetrics metrics, Duration interval) {
        this.metrics = metrics;
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
        long captured = metrics.capturedTotal();
        long delivered = metrics.deliveredTotal();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        String text = String.format("captured %,d (%,.0f/s)  delivered %,d (%,.0f/s)  lag %s",
                captured, (captured - lastCaptured) / seconds, delivered, (delivered - lastDelivered) / seconds,
                metrics.lagMillis() < 0 ? "-" : String.format("%,d ms", metrics.lagMillis()));
        lastCaptured = captured;
        lastDelivered = delivered;
        lastNanos = now;
        return text;
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
