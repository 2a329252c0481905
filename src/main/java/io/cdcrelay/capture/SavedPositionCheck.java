package io.cdcrelay.capture;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.cdcrelay.config.CaptureSettings;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.RelaySettings.SyncType;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.config.StateSettings;
import io.cdcrelay.position.BinlogStartLocator;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.position.OffsetStorage;
import io.cdcrelay.position.RetentionGuard.Saved;
import io.cdcrelay.position.RetentionGuard;
import io.cdcrelay.position.SourceBinlogs;
import io.cdcrelay.report.Durations;

/**
 * Compares the position the relay saved with the binlog files the source still has, before the engine starts
 * (a purged one stops the start with one sentence) and for the precheck's {@code saved position} line. The
 * position is read where the engine will read it: the offset file or topic, behind the positions topic under
 * exactly-once.
 */
public final class SavedPositionCheck {

    /** What the check found. */
    public enum Kind {
        /** Nothing to compare: no saved position, or no binlog read. */
        NONE,
        /** The source still has the saved position's file. */
        KEPT,
        /** The source purged it: a start would lose changes. */
        PURGED
    }

    /**
     * @param detail what was found
     * @param fix    for {@code PURGED}: the ways on
     * @param saved  the saved position, when there is one
     */
    public record Outcome(Kind kind, String detail, String fix, Optional<Saved> saved) {

        /** The one sentence a refused start prints. */
        public String sentence() {
            return detail + ": " + fix + ".";
        }
    }

    private final RelaySettings settings;
    private final CaptureSettings capture;

    /** @throws IllegalArgumentException for a relay that captures nothing, and so saves no position */
    public SavedPositionCheck(RelaySettings settings) {
        this.settings = settings;
        this.capture = settings.capture().orElseThrow(() -> new IllegalArgumentException(
                "a relay with relay.cdc.enabled=false saves no binlog position"));
    }

    /**
     * Before the engine starts: refuses a saved position whose binlog file the source purged.
     *
     * @return the saved position, empty when there is none (or the binlog is not read)
     * @throws SettingsException with the sentence saying what was lost and the ways on
     */
    public Optional<Saved> rejectPurged() {
        Outcome outcome = run();
        if (outcome.kind() == Kind.PURGED) {
            throw new SettingsException(outcome.sentence());
        }
        return outcome.saved();
    }

    /** The saved binlog position, read where the engine will read it; empty when there is none. */
    public Optional<Saved> saved() {
        String name = capture.source().name();
        return new OffsetSeeder(storageOf(settings, capture), name, name).saved().flatMap(Saved::of);
    }

    public Outcome run() {
        if (!settings.syncTypes().contains(SyncType.INCREMENTAL)) {
            return none("the binlog is not read (relay.sync-types has no incremental)");
        }
        SourceSettings source = capture.source();
        if ("when_needed".equals(source.debeziumOverrides().get("snapshot.mode"))) {
            // asked for outright: Debezium copies the tables again when the saved position is gone
            return none("relay.source.debezium.snapshot.mode=when_needed copies the tables again instead");
        }
        OffsetStorage storage = storageOf(settings, capture);
        Optional<Saved> saved = saved();
        if (saved.isEmpty()) {
            return none("no saved position yet in " + storage);
        }
        SourceBinlogs binlogs;
        try (Connection c = source.connections().open()) {
            binlogs = SourceBinlogs.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the source's binlog files: " + e.getMessage(), e);
        }
        BinlogStartLocator locator = new BinlogStartLocator(source);
        if (RetentionGuard.kept(saved.get(), binlogs.files())) {
            return new Outcome(Kind.KEPT, saved.get().describe() + " is on the source (oldest binlog "
                    + (binlogs.files().isEmpty() ? "none listed" : binlogs.files().get(0)) + "); "
                    + expiry(saved.get(), binlogs, locator), "", saved);
        }
        String oldest = binlogs.files().get(0);
        Optional<Instant> oldestBegun = began(locator, oldest);
        return new Outcome(Kind.PURGED, RetentionGuard.lost(saved.get(), source.name(), oldest, oldestBegun),
                RetentionGuard.fix(savedState(), oldestBegun), saved);
    }

    private static String expiry(Saved saved, SourceBinlogs binlogs, BinlogStartLocator locator) {
        if (binlogs.retentionSeconds() <= 0) {
            return "binlogs never expire (binlog_expire_logs_seconds and expire_logs_days are 0)";
        }
        double headroom = RetentionGuard.headroomSeconds(Optional.of(saved.file()), binlogs.files(),
                locator::fileCreated, binlogs.retentionSeconds(), binlogs.serverNow());
        return "the source may purge its file in " + Durations.text((long) headroom)
                + " at the earliest (retention " + Durations.text(binlogs.retentionSeconds()) + ")";
    }

    /** A file's creation time, for the sentence only: a replica read that fails leaves it out. */
    private static Optional<Instant> began(BinlogStartLocator locator, String file) {
        try {
            return Optional.of(Instant.ofEpochSecond(locator.fileCreated(file)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What holds the saved position and the schema history it goes with: what a user deletes to start afresh. */
    public String savedState() {
        String name = capture.source().name();
        StateSettings.KafkaState kafka = settings.state().kafka();
        String state = kafka == null
                ? DebeziumSourceConfiguration.offsetFile(settings.dataDir(), name) + " and "
                        + DebeziumSourceConfiguration.historyFile(settings.dataDir(), name)
                : "the state topics " + kafka.offsetsTopic() + " and " + kafka.schemaHistoryTopic();
        return settings.delivery().exactlyOnce() ? state + " and the topic " + settings.delivery().positionsTopic()
                : state;
    }

    private static Outcome none(String detail) {
        return new Outcome(Kind.NONE, detail, "", Optional.empty());
    }

    /**
     * Where the engine of {@code settings} reads its start: under exactly-once the positions topic of the sink's
     * Kafka first, else its own store.
     */
    public static OffsetStorage storageOf(RelaySettings settings, CaptureSettings capture) {
        return DebeziumSourceConfiguration.savedPositionStorage(capture.source(), settings.dataDir(),
                settings.state(), settings.delivery(),
                capture.destination() instanceof KafkaSettings kafka ? kafka : null);
    }
}
