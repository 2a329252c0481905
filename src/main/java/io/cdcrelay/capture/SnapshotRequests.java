package io.cdcrelay.capture;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.cdcrelay.change.SourceSchema;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.report.IncrementalSnapshotProgress;
import io.cdcrelay.report.SnapshotOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-snapshots tables while the binlog keeps flowing: checks the names against the source, and writes Debezium's
 * {@code execute-snapshot} signal (type incremental) into the signal table. A table outside the selection is added
 * first: remembered in {@link AddedTables}, the engine restarted with the widened include lists (Debezium cannot
 * change them while running; its schema history holds every table's DDL, so the new table's schema is known), and
 * the signal written once the new engine started.
 */
public final class SnapshotRequests implements SnapshotOperation {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRequests.class);
    private static final String TABLE_NAME = "[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+";

    /** The source as read now: the signal goes to the server whose binlog the engine reads. */
    private final Supplier<SourceSettings> source;
    private final Optional<SignalTable> signal;
    private final CaptureControl control;
    private final IncrementalSnapshotProgress progress;
    private final Clock clock;

    public SnapshotRequests(Supplier<SourceSettings> source, CaptureControl control, IncrementalSnapshotProgress progress,
            Clock clock) {
        this.source = source;
        this.signal = source.get().snapshot().signalTable().map(SignalTable::new);
        this.control = control;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public synchronized Answer request(List<String> tables) {
        if (signal.isEmpty()) {
            return Answer.refused(409, "Re-snapshots need a signal table: set relay.snapshot.signal-table="
                    + "<database>.cdc_relay_signal and restart the relay.");
        }
        if (tables == null || tables.isEmpty()) {
            return Answer.refused(400, "Name the tables to snapshot, for example {\"tables\":[\"shop.orders\"]}.");
        }
        Optional<String> malformed = tables.stream().filter(t -> t == null || !t.matches(TABLE_NAME)).findFirst();
        if (malformed.isPresent()) {
            return Answer.refused(400, malformed.get() + " is not a table name: write <database>.<table>.");
        }
        List<String> known;
        try {
            known = new SourceSchema(source.get().connections()).tables();
        } catch (SQLException e) {
            return Answer.refused(500, "The source's tables could not be read: " + e.getMessage());
        }
        List<String> names = new ArrayList<>();
        for (String table : tables) {
            Optional<String> match = known.stream().filter(k -> k.equalsIgnoreCase(table)).findFirst();
            if (match.isEmpty()) {
                return Answer.refused(400, "The source has no table " + table + ".");
            }
            if (match.get().equalsIgnoreCase(signal.get().name())) {
                return Answer.refused(400, table + " is the signal table (relay.snapshot.signal-table), not data.");
            }
            if (!names.contains(match.get())) {
                names.add(match.get());
            }
        }
        if (!control.capturing()) {
            return Answer.refused(409, "The capture is not running (a standby relay, or the CDC route is stopped): "
                    + "ask the relay that reads the binlog.");
        }
        List<String> added = names.stream().filter(t -> !captured(t)).toList();
        return added.isEmpty() ? signalNow(names) : addThenSignal(names, added);
    }

    /** Whether the running selection holds the table: configured, or added before. */
    public boolean captured(String qualified) {
        int dot = qualified.indexOf('.');
        return captured(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    public boolean captured(String database, String table) {
        return source.get().captures(database, table) || control.added().contains(database, table);
    }

    private Answer signalNow(List<String> names) {
        try {
            String id = signal.get().requestSnapshot(source.get().connections(), names);
            progress.requested(names, clock.instant(), "signal " + id);
            LOG.info("Incremental snapshot of {} requested (signal {} in {})", names, id, signal.get().name());
            return accepted(names, List.of());
        } catch (SQLException e) {
            return Answer.refused(500, "The signal could not be written into " + signal.get().name() + ": "
                    + e.getMessage());
        }
    }

    private Answer addThenSignal(List<String> names, List<String> added) {
        try {
            control.added().add(added);
        } catch (IOException e) {
            return Answer.refused(500, "The added tables could not be saved: " + e.getMessage());
        }
        Optional<String> refused = control.restartThen("tables added to the selection: " + String.join(", ", added),
                () -> {
                    try {
                        String id = signal.get().requestSnapshot(source.get().connections(), names);
                        LOG.info("Incremental snapshot of {} requested (signal {} in {})", names, id,
                                signal.get().name());
                    } catch (SQLException e) {
                        LOG.error("The signal for the incremental snapshot of {} could not be written into {}: {}",
                                names, signal.get().name(), e.getMessage());
                        progress.failed("signal not written: " + e.getMessage());
                    }
                });
        if (refused.isPresent()) {
            // the tables stay added: the next engine start reads them
            return Answer.refused(409, "The tables were added but not snapshotted: " + refused.get() + ".");
        }
        progress.requested(names, clock.instant(), "engine restarting with " + String.join(", ", added));
        return accepted(names, added);
    }

    private Answer accepted(List<String> names, List<String> added) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requested", names);
        body.put("added", added);
        body.put("signalTable", signal.get().name());
        body.put("progress", "GET /status, incrementalSnapshot");
        return new Answer(202, body);
    }
}
