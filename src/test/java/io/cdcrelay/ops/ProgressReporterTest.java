package io.cdcrelay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.management.ObjectName;

import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.Durations;
import io.cdcrelay.report.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    /** The shape of Debezium's snapshot metrics MXBean, whose row map JMX turns into TabularData. */
    public interface SnapshotMetricsMXBean {
        boolean getSnapshotRunning();

        boolean getSnapshotCompleted();

        int getTotalTableCount();

        int getRemainingTableCount();

        Map<String, Long> getRowsScanned();
    }

    static final class Snapshot implements SnapshotMetricsMXBean {
        volatile Map<String, Long> rows = Map.of();

        public boolean getSnapshotRunning() {
            return true;
        }

        public boolean getSnapshotCompleted() {
            return false;
        }

        public int getTotalTableCount() {
            return 3;
        }

        public int getRemainingTableCount() {
            return 2;
        }

        public Map<String, Long> getRowsScanned() {
            return rows;
        }
    }

    @Test
    void duringASnapshotTheLineStartsWithTablesRowsOfTheEstimateAndTimeLeft() throws Exception {
        ObjectName name = new ObjectName("debezium.mariadb:type=connector-metrics,context=snapshot,server=progress-test");
        Snapshot snapshot = new Snapshot();
        ManagementFactory.getPlatformMBeanServer().registerMBean(snapshot, name);
        try {
            ProgressReporter reporter = new ProgressReporter(
                    Optional.of(new RelayMetrics(new SimpleMeterRegistry(), Clock.systemUTC())), Optional.empty(),
                    Optional.of(new DebeziumMBeans("progress-test")), Optional.empty(), () -> 1_000_000,
                    Duration.ofSeconds(5));
            reporter.line();
            snapshot.rows = Map.of("shop.orders", 300_000L, "shop.customers", 100_000L);
            Thread.sleep(20);

            assertThat(reporter.line()).startsWith("snapshot: tables 1/3  rows 400,000/~1,000,000 (")
                    .containsPattern("/s\\)  ETA [0-9]+ s  \\|  captured 0 \\(0/s\\)  delivered 0 \\(0/s\\)  lag -");
        } finally {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        }
    }

    @Test
    void longTimesLeftReadInMinutesAndHours() {
        assertThat(Durations.text(42)).isEqualTo("42 s");
        assertThat(Durations.text(125)).isEqualTo("2m05s");
        assertThat(Durations.text(7260)).isEqualTo("2h01m");
    }
}
