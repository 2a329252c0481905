package io.cdcrelay.report;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * One of Debezium's notifications: its aggregate ("Incremental Snapshot"), type (STARTED ...), data and time.
     * The id is not unique: all notifications of one incremental snapshot carry its signal's id.
     */
    public record Notification(String id, String aggregateType, String type, Map<String, String> data, long timestamp) {
    }

    /** The incremental snapshot's current chunk as Debezium's snapshot metrics show it; empty strings when unknown. */
    public record Chunk(String id, String from, String to) {
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
     * was restarted from its first row, over and over. An incremental snapshot (a chunk id set) runs while the
     * binlog reader streams, and needs it: its chunks close on watermarks read from the binlog.
     */
    public Optional<Boolean> streamingConnected() {
        if (snapshot().map(Snapshot::running).orElse(false) && chunk().map(c -> c.id().isEmpty()).orElse(true)) {
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
     * The notifications Debezium's JMX channel kept since the engine started (or since {@link #resetNotifications}),
     * oldest first; empty without the channel ({@code notification.enabled.channels=jmx}).
     */
    public List<Notification> notifications() {
        return bean("management", "notifications").map(name -> {
            try {
                Object list = server.getAttribute(name, "Notifications");
                List<Notification> out = new ArrayList<>();
                if (list instanceof CompositeData[] items) {
                    for (CompositeData item : items) {
                        out.add(new Notification(String.valueOf(item.get("id")), String.valueOf(item.get("aggregateType")),
                                String.valueOf(item.get("type")), strings(item.get("additionalData")),
                                item.get("timestamp") instanceof Number t ? t.longValue() : 0));
                    }
                }
                return out;
            } catch (JMException | RuntimeException e) {
                return List.<Notification>of();
            }
        }).orElse(List.of());
    }

    /** Empties the JMX channel's list, which otherwise grows by one entry per chunk for the engine's life. */
    public void resetNotifications() {
        bean("management", "notifications").ifPresent(name -> {
            try {
                server.invoke(name, "reset", new Object[0], new String[0]);
            } catch (JMException | RuntimeException e) {
                // the engine stopped meanwhile: its list went with it
            }
        });
    }

    public Optional<Chunk> chunk() {
        return bean("snapshot").map(name -> {
            try {
                return new Chunk(text(server.getAttribute(name, "ChunkId")), text(server.getAttribute(name, "ChunkFrom")),
                        text(server.getAttribute(name, "ChunkTo")));
            } catch (JMException | RuntimeException e) {
                return null;
            }
        });
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A {@code Map<String, String>} as an MXBean shows it: TabularData of key/value rows. */
    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map instanceof TabularData table) {
            table.values().forEach(row -> {
                CompositeData entry = (CompositeData) row;
                out.put(String.valueOf(entry.get("key")), String.valueOf(entry.get("value")));
            });
        } else if (map instanceof Map<?, ?> plain) {
            plain.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
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
        return bean("connector-metrics", context);
    }

    private Optional<ObjectName> bean(String type, String context) {
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(
                    "debezium.*:type=" + type + ",context=" + context + ",server=" + sourceName + ",*"), null);
            return names.stream().findFirst();
        } catch (JMException e) {
            return Optional.empty();
        }
    }
}
