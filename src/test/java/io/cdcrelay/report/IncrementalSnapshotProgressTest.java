package io.cdcrelay.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.ObjectName;

import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.IncrementalSnapshotProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The re-snapshot's progress from notifications shaped as Debezium's JMX channel shows them. */
class IncrementalSnapshotProgressTest {

    /** One of Debezium's notifications, as its MXBean exposes it. */
    public static final class Note {
        private final String type;
        private final Map<String, String> data;
        private final long timestamp;

        Note(String type, Map<String, String> data, long timestamp) {
            this.type = type;
            this.data = data;
            this.timestamp = timestamp;
        }

        public String getId() {
            return "signal-1";
        }

        public String getAggregateType() {
            return "Incremental Snapshot";
        }

        public String getType() {
            return type;
        }

        public Map<String, String> getAdditionalData() {
            return data;
        }

        public long getTimestamp() {
            return timestamp;
        }
    }

    /** The shape of Debezium's JmxNotificationChannelMXBean. */
    public interface ChannelMXBean {
        List<Note> getNotifications();

        void reset();
    }

    static final class Channel implements ChannelMXBean {
        final List<Note> notes = new CopyOnWriteArrayList<>();

        public List<Note> getNotifications() {
            return notes;
        }

        public void reset() {
            notes.clear();
        }
    }

    private final ObjectName name = name();
    private final Channel channel = new Channel();

    private static ObjectName name() {
        try {
            return new ObjectName("debezium.mariadb:type=management,context=notifications,server=progress-incremental");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void unregister() throws Exception {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    }

    @Test
    void aRequestRunsThroughItsNotificationsToCompletedAndTheChannelIsEmptiedAfter() throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(channel, name);
        IncrementalSnapshotProgress progress = new IncrementalSnapshotProgress(new DebeziumMBeans("progress-incremental"));
        assertThat(progress.status()).as("before any request").isEmpty();

        progress.requested(List.of("shop.orders"), Instant.parse("2026-12-03T08:00:00Z"), "signal signal-1");
        assertThat(progress.status().orElseThrow()).containsEntry("state", "requested").containsEntry("tablesRemaining", 1);
        assertThat(progress.line()).contains("re-snapshot: requested shop.orders");

        channel.notes.add(new Note("STARTED", Map.of("data_collections", "shop.orders"), 1));
        channel.notes.add(new Note("IN_PROGRESS", Map.of("current_collection_in_progress", "shop.orders",
                "last_processed_key", "200", "maximum_key", "3000", "data_collections", "shop.orders"), 2));
        // ids repeat within a snapshot: a second chunk of the same signal still counts
        channel.notes.add(new Note("IN_PROGRESS", Map.of("current_collection_in_progress", "shop.orders",
                "last_processed_key", "400", "maximum_key", "3000", "data_collections", "shop.orders"), 3));
        assertThat(progress.status().orElseThrow()).containsEntry("state", "running")
                .containsEntry("currentTable", "shop.orders").containsEntry("lastKey", "400");
        assertThat(progress.line()).contains("re-snapshot: table shop.orders (1/1)  key 400 of 3000");

        channel.notes.add(new Note("TABLE_SCAN_COMPLETED", Map.of("scanned_collection", "shop.orders",
                "total_rows_scanned", "3000", "status", "SUCCEEDED"), 4));
        channel.notes.add(new Note("COMPLETED", Map.of(), 5));
        assertThat(progress.status().orElseThrow()).containsEntry("state", "completed").containsEntry("tablesDone", 1)
                .containsEntry("tablesRemaining", 0);
        assertThat(progress.line()).isEmpty();
        assertThat(channel.notes).as("emptied once nothing runs").isEmpty();
    }
}
