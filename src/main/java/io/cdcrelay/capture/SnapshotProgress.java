package io.cdcrelay.capture;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether Debezium's snapshot is over and its queue is empty, read from the snapshot metrics the connector
 * registers ({@code debezium.mysql} or {@code debezium.mariadb}, {@code context=snapshot}, {@code server=<topic
 * prefix>}). With snapshot mode {@code initial_only} Debezium streams nothing after the snapshot, but its engine
 * keeps running idle; this tells the relay when to close it.
 */
final class SnapshotProgress {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName pattern;

    SnapshotProgress(String serverName) {
        try {
            // relay.source.name is letters, digits, '.', '_' and '-': nothing to quote
            this.pattern = new ObjectName("debezium.*:type=connector-metrics,context=snapshot,server=" + serverName + ",*");
        } catch (JMException e) {
            throw new IllegalArgumentException("no metrics name for " + serverName + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return true once the snapshot completed (or was skipped: the saved offset says it completed before) and
     *         the engine took every record it queued
     */
    boolean finished() {
        Set<ObjectName> names = server.queryNames(pattern, null);
        for (ObjectName name : names) {
            try {
                boolean over = Boolean.TRUE.equals(server.getAttribute(name, "SnapshotCompleted"))
                        || Boolean.TRUE.equals(server.getAttribute(name, "SnapshotSkipped"));
                int remaining = ((Number) server.getAttribute(name, "QueueRemainingCapacity")).intValue();
                int total = ((Number) server.getAttribute(name, "QueueTotalCapacity")).intValue();
                if (over && remaining == total) {
                    return true;
                }
            } catch (JMException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }
}
