package io.cdcrelay.ops;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Reads the Debezium connector's own JMX metrics ({@code debezium.<connector>:type=connector-metrics,
 * context=snapshot|streaming,server=<relay.source.name>}): snapshot progress and whether the binlog reader
 * is connected. The engine registers them on the platform MBean server; they are absent before it starts.
 */
public final class DebeziumMBeans {

    /** The snapshot's progress as Debezium counts it. */
    public record Snapshot(boolean running, boolean completed, long tablesTotal, long tablesRemaining, long rowsScanned) {

        public long tablesDone() {
            return tablesTotal - tablesRemaining;
        }
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String sourceName;

    public DebeziumMBeans(String sourceName) {
        this.sourceName = sourceName;
    }

    public Optional<Snapshot> snapshot() {
        return bean("snapshot").map(name -> {
            try {
                long scanned = sum(server.getAttribute(name, "RowsScanned"));
                return new Snapshot((Boolean) server.getAttribute(name, "SnapshotRunning"),
                        (Boolean) server.getAttribute(name, "SnapshotCompleted"),
                        ((Number) server.getAttribute(name, "TotalTableCount")).longValue(),
                        ((Number) server.getAttribute(name, "RemainingTableCount")).longValue(), scanned);
            } catch (JMException | RuntimeException e) {
                return null;
            }
        });
    }

    /**
     * Whether the snapshot completed (or was skipped: the saved offset says it completed before) and the engine
     * took every record the connector queued. With snapshot mode {@code initial_only} Debezium streams nothing
     * after the snapshot but its engine keeps running idle; this tells the relay when to close it.
     */
    public boolean snapshotFinished() {
        return bean("snapshot").map(name -> {
            try {
                boolean over = Boolean.TRUE.equals(server.getAttribute(name, "SnapshotCompleted"))
                        || Boolean.TRUE.equals(server.getAttribute(name, "SnapshotSkipped"));
                int remaining = ((Number) server.getAttribute(name, "QueueRemainingCapacity")).intValue();
                int total = ((Number) server.getAttribute(name, "QueueTotalCapacity")).intValue();
                return over && remaining == total;
            } catch (JMException | RuntimeException e) {
                return false;
            }
        }).orElse(false);
    }

    /**
     * Whether the binlog reader holds its connection; empty before streaming started. Debezium registers the
     * streaming metrics, {@code Connected} false, when the engine starts, and connects the binlog reader only
     * after the initial snapshot: read as "disconnected", a snapshot longer than the disconnect watchdog's limit
     * was restarted from its first row, over and over.
     */
    public Optional<Boolean> streamingConnected() {
        if (snapshot().map(Snapshot::running).orElse(false)) {
            return Optional.empty();
        }
        return bean("streaming").map(name -> {
            try {
                return (Boolean) server.getAttribute(name, "Connected");
            } catch (JMException | RuntimeException e) {
                return null;
            }
        });
    }

    /**
     * Rows per table: the TabularData an MXBean turns a Map into over JMX (first: TabularDataSupport is a Map
     * too, of rows), or a plain Map.
     */
    private static long sum(Object rowsByTable) {
        if (rowsByTable instanceof TabularData table) {
            return table.values().stream().mapToLong(row -> ((Number) ((CompositeData) row).get("value")).longValue()).sum();
        }
        if (rowsByTable instanceof Map<?, ?> map) {
            return map.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
        }
        return 0;
    }

    private Optional<ObjectName> bean(String context) {
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(
                    "debezium.*:type=connector-metrics,context=" + context + ",server=" + sourceName + ",*"), null);
            return names.stream().findFirst();
        } catch (JMException e) {
            return Optional.empty();
        }
    }
}
