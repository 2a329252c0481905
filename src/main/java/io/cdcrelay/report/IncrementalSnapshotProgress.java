package io.cdcrelay.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The progress of the re-snapshot last asked for ({@code POST /snapshot}), from Debezium's incremental snapshot
 * notifications (its JMX notification channel) and chunk metrics: requested, running (table in progress, chunk,
 * last key read of the table's maximum), completed or aborted. Read when {@code /status} or the progress line asks.
 *
 * <p>Debezium's channel keeps every notification, one per chunk, for the engine's life: once a snapshot is over,
 * the list is emptied.
 */
public final class IncrementalSnapshotProgress {

    static final String AGGREGATE = "Incremental Snapshot";

    public enum State { REQUESTED, RUNNING, COMPLETED, ABORTED, FAILED }

    private final DebeziumMBeans debezium;
    /** The notifications applied since the channel's list was last emptied (ids repeat; whole notifications do not). */
    private final Set<DebeziumMBeans.Notification> seen = new HashSet<>();
    private List<String> requested = List.of();
    private Instant requestedAt;
    private State state;
    private String detail = "";
    private String current = "";
    private final Set<String> done = new LinkedHashSet<>();
    private String lastKey = "";
    private String maximumKey = "";

    public IncrementalSnapshotProgress(DebeziumMBeans debezium) {
        this.debezium = debezium;
    }

    /** A request was sent; one made while a snapshot runs joins it (Debezium appends its tables). */
    public synchronized void requested(List<String> tables, Instant at, String how) {
        refresh();
        boolean joins = state == State.RUNNING || state == State.REQUESTED;
        List<String> all = new ArrayList<>(joins ? requested : List.of());
        tables.stream().filter(t -> !all.contains(t)).forEach(all::add);
        requested = List.copyOf(all);
        if (!joins) {
            done.clear();
            current = "";
            lastKey = "";
            maximumKey = "";
            requestedAt = at;
        }
        state = joins && state == State.RUNNING ? State.RUNNING : State.REQUESTED;
        detail = how;
    }

    /** The request could not be sent (the signal insert failed after the engine restarted). */
    public synchronized void failed(String why) {
        state = State.FAILED;
        detail = why;
    }

    public synchronized void refresh() {
        for (DebeziumMBeans.Notification n : debezium.notifications()) {
            if (seen.add(n) && AGGREGATE.equals(n.aggregateType())) {
                apply(n);
            }
        }
        if (!seen.isEmpty() && state != State.RUNNING && state != State.REQUESTED) {
            // a notification arriving between the read and the reset is lost; none is due while nothing runs
            debezium.resetNotifications();
            seen.clear();
        }
    }

    private void apply(DebeziumMBeans.Notification n) {
        Map<String, String> data = n.data();
        switch (n.type()) {
            case "STARTED", "RESUMED" -> state = State.RUNNING;
            case "IN_PROGRESS" -> {
                state = State.RUNNING;
                current = data.getOrDefault("current_collection_in_progress", current);
                lastKey = data.getOrDefault("last_processed_key", lastKey);
                maximumKey = data.getOrDefault("maximum_key", maximumKey);
            }
            case "TABLE_SCAN_COMPLETED" -> {
                String table = data.getOrDefault("scanned_collection", "");
                done.add(table);
                String status = data.getOrDefault("status", "SUCCEEDED");
                if (!"SUCCEEDED".equals(status)) {
                    detail = table + ": " + status;
                }
            }
            case "COMPLETED" -> {
                state = State.COMPLETED;
                current = "";
            }
            case "ABORTED" -> state = State.ABORTED;
            default -> {
                // PAUSED: the state stays; Debezium resumes on a signal the relay does not send
            }
        }
    }

    /** The {@code incrementalSnapshot} object of {@code /status}; empty before the first request. */
    public synchronized Optional<Map<String, Object>> status() {
        refresh();
        if (state == null) {
            return Optional.empty();
        }
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        part.put("requested", requested);
        part.put("requestedAt", requestedAt == null ? null : requestedAt.toString());
        part.put("tablesDone", done.size());
        part.put("tablesRemaining", Math.max(0, requested.size() - done.size()));
        part.put("currentTable", current.isEmpty() ? null : current);
        if (state == State.RUNNING) {
            debezium.chunk().ifPresent(c -> part.put("chunk", Map.of("id", c.id(), "from", c.from(), "to", c.to())));
            part.put("lastKey", lastKey);
            part.put("maximumKey", maximumKey);
        }
        if (!detail.isEmpty()) {
            part.put("detail", detail);
        }
        return Optional.of(part);
    }

    /** The progress line's part while a re-snapshot is requested or runs. */
    public synchronized Optional<String> line() {
        refresh();
        if (state == State.REQUESTED) {
            return Optional.of("re-snapshot: requested " + String.join(", ", requested));
        }
        if (state != State.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(String.format("re-snapshot: table %s (%d/%d)  key %s of %s",
                current.isEmpty() ? "-" : current, Math.min(done.size() + 1, requested.size()), requested.size(),
                lastKey.isEmpty() ? "-" : lastKey, maximumKey.isEmpty() ? "-" : maximumKey));
    }
}
