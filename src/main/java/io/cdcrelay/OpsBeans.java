package io.cdcrelay;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.cdcrelay.change.SourceSchema;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.ha.Election;
import io.cdcrelay.ops.HealthEndpoint;
import io.cdcrelay.ops.HttpPortGuard;
import io.cdcrelay.ops.MetricsEndpoint;
import io.cdcrelay.ops.ProgressReporter;
import io.cdcrelay.ops.Readiness;
import io.cdcrelay.ops.StatusEndpoint;
import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.IncrementalSnapshotProgress;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.steps.DeliveryTracking;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;

/**
 * The beans an operator sees: one Prometheus meter registry shared by every route, the CDC and mirror
 * meters, health, the progress line, and the processors of {@code routes/ops-http.camel.yaml}.
 */
final class OpsBeans {

    final MeterRegistry meters;
    final RelayMetrics metrics;
    final Optional<MirrorMetrics> mirrorMetrics;
    final RelayHealth health;
    /** The Debezium connector's own MBeans, the one reader of them; empty without CDC. */
    final Optional<DebeziumMBeans> debezium;
    /** The re-snapshot's progress; empty without CDC. */
    final Optional<IncrementalSnapshotProgress> snapshotProgress;

    private OpsBeans(MeterRegistry meters, RelayMetrics metrics, Optional<MirrorMetrics> mirrorMetrics,
            RelayHealth health, Optional<DebeziumMBeans> debezium,
            Optional<IncrementalSnapshotProgress> snapshotProgress) {
        this.meters = meters;
        this.metrics = metrics;
        this.mirrorMetrics = mirrorMetrics;
        this.health = health;
        this.debezium = debezium;
        this.snapshotProgress = snapshotProgress;
    }

    /** @param leadership this relay's place in the election of {@code relay.ha.*}, empty without one */
    static OpsBeans bind(CamelContext context, RelaySettings settings, Optional<Election> leadership)
            throws Exception {
        Registry registry = context.getRegistry();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);

        RelayMetrics metrics = new RelayMetrics(meters, Clock.systemUTC());
        registry.bind("deliveryTracking", new DeliveryTracking(metrics));
        Optional<MirrorMetrics> mirror = settings.mirror().map(m -> new MirrorMetrics(meters));
        RelayHealth health = new RelayHealth(meters, Clock.systemUTC());
        Optional<DebeziumMBeans> debezium = settings.capture().map(c -> new DebeziumMBeans(c.source().name()));
        Optional<IncrementalSnapshotProgress> snapshotProgress = debezium.map(IncrementalSnapshotProgress::new);
        Readiness readiness = new Readiness(health);
        Optional<RelayMetrics> cdc = settings.capture().map(c -> metrics);

        if (settings.http().enabled()) {
            context.addStartupListener(new HttpPortGuard(settings.http().port()));
        }
        context.addService(new ProgressReporter(cdc, mirror, debezium, snapshotProgress,
                () -> settings.capture().map(c -> estimatedRows(c.source())).orElse(0L),
                settings.progressInterval()));
        registry.bind("statusEndpoint", new StatusEndpoint(cdc, mirror, debezium, snapshotProgress, health, readiness,
                leadership));
        registry.bind("healthEndpoint", new HealthEndpoint(readiness));
        registry.bind("metricsEndpoint", new MetricsEndpoint(meters));
        return new OpsBeans(meters, metrics, mirror, health, debezium, snapshotProgress);
    }

    /** The server's row estimate of the captured tables; 0 when it cannot be read (the line then omits it). */
    private static long estimatedRows(SourceSettings source) {
        try {
            return new SourceSchema(source.connections()).estimatedRows().entrySet().stream()
                    .filter(e -> {
                        String[] dbTable = e.getKey().split("\\.", 2);
                        return source.captures(dbTable[0], dbTable[1]);
                    })
                    .mapToLong(Map.Entry::getValue).sum();
        } catch (SQLException e) {
            return 0;
        }
    }
}
