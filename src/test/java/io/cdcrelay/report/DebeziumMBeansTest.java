package io.cdcrelay.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.cdcrelay.report.DebeziumMBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DebeziumMBeansTest {

    private static final String SOURCE = "mbeans-test";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName name : server.queryNames(new ObjectName("debezium.test:server=" + SOURCE + ",*"), null)) {
            server.unregisterMBean(name);
        }
    }

    @Test
    void aBinlogReaderNotYetConnectedDuringTheSnapshotIsNotStartedRatherThanDisconnected() throws Exception {
        register("snapshot", new SnapshotMetrics(true));
        register("streaming", new StreamingMetrics(false));

        assertThat(new DebeziumMBeans(SOURCE).streamingConnected()).isEmpty();
    }

    @Test
    void aBinlogReaderWithoutConnectionAfterTheSnapshotIsDisconnected() throws Exception {
        register("snapshot", new SnapshotMetrics(false));
        register("streaming", new StreamingMetrics(false));

        assertThat(new DebeziumMBeans(SOURCE).streamingConnected()).contains(false);
    }

    @Test
    void aConnectedBinlogReaderIsConnected() throws Exception {
        register("snapshot", new SnapshotMetrics(false));
        register("streaming", new StreamingMetrics(true));

        assertThat(new DebeziumMBeans(SOURCE).streamingConnected()).contains(true);
    }

    private void register(String context, Object bean) throws Exception {
        server.registerMBean(bean, new ObjectName("debezium.test:type=connector-metrics,context=" + context
                + ",server=" + SOURCE));
    }

    public interface SnapshotMetricsMBean {
        boolean getSnapshotRunning();

        boolean getSnapshotCompleted();

        long getTotalTableCount();

        long getRemainingTableCount();

        Map<String, Long> getRowsScanned();
    }

    public static final class SnapshotMetrics implements SnapshotMetricsMBean {
        private final boolean running;

        SnapshotMetrics(boolean running) {
            this.running = running;
        }

        @Override
        public boolean getSnapshotRunning() {
            return running;
        }

        @Override
        public boolean getSnapshotCompleted() {
            return !running;
        }

        @Override
        public long getTotalTableCount() {
            return 1;
        }

        @Override
        public long getRemainingTableCount() {
            return running ? 1 : 0;
        }

        @Override
        public Map<String, Long> getRowsScanned() {
            return Map.of("db.t", 10L);
        }
    }

    public interface StreamingMetricsMBean {
        boolean getConnected();
    }

    public static final class StreamingMetrics implements StreamingMetricsMBean {
        private final boolean connected;

        StreamingMetrics(boolean connected) {
            this.connected = connected;
        }

        @Override
        public boolean getConnected() {
            return connected;
        }
    }
}
