package io.cdcrelay;

import java.time.Clock;
import java.util.Optional;

import io.cdcrelay.capture.AddedTables;
import io.cdcrelay.capture.CaptureControl;
import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.capture.RelayDebeziumComponent;
import io.cdcrelay.capture.SnapshotRequests;
import io.cdcrelay.change.ChangeEventMapper;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.JdbcServerVersion;
import io.cdcrelay.change.KeyCatalog;
import io.cdcrelay.config.CaptureSettings;
import io.cdcrelay.config.FormatSettings;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.RocketMqSettings;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.failover.SourceFollower;
import io.cdcrelay.format.FormatOptions;
import io.cdcrelay.ha.Election;
import io.cdcrelay.ha.StandbyRestart;
import io.cdcrelay.ops.SnapshotEndpoint;
import io.cdcrelay.ops.SnapshotJmx;
import io.cdcrelay.position.RetentionMonitor;
import io.cdcrelay.report.RelayMetrics;
import io.cdcrelay.report.SnapshotOperation;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.StartedOnFirstUse;
import io.cdcrelay.steps.ToChangeEvent;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Binds the beans the YAML routes call, each built from the validated settings. The names here are the
 * ones the routes use.
 */
final class RelayBeans implements CamelConfiguration {

    private final RelaySettings settings;
    private final SourceFollower follower;
    private final KeyCatalog keyCatalog;
    private final Optional<String> columnExcludeList;
    private final boolean fromSeededOffset;
    private final Optional<String> savedFile;
    private final StandbyRestart standbyRestart;

    /**
     * @param follower          which server of relay.source.host is read, chosen by the start; null without CDC
     * @param keyCatalog        the source's keys, already read by the start checks; null without CDC
     * @param columnExcludeList {@code relay.columns.*} as Debezium's column exclude list, made by the start checks
     * @param fromSeededOffset  whether the engine starts at the position seeded for
     *                          {@code relay.incremental.start-timestamp}, not moved from yet
     * @param savedFile         the binlog file of the position saved before this start, if any
     * @param standbyRestart    what a relay that loses the lead of {@code relay.ha.*} asks for
     */
    RelayBeans(RelaySettings settings, SourceFollower follower, KeyCatalog keyCatalog, Optional<String> columnExcludeList,
            boolean fromSeededOffset, Optional<String> savedFile, StandbyRestart standbyRestart) {
        this.settings = settings;
        this.follower = follower;
        this.keyCatalog = keyCatalog;
        this.columnExcludeList = columnExcludeList;
        this.fromSeededOffset = fromSeededOffset;
        this.savedFile = savedFile;
        this.standbyRestart = standbyRestart;
    }

    /**
     * The settings that only the beans' constructors check (topic rules, the mirror's client settings), checked
     * without touching a server, so that a wrong setting stops the start with its sentence (exit code 2) before
     * the precheck waits for any server.
     */
    static void rejectWrongSettings(RelaySettings settings) {
        settings.mirror().ifPresent(MirrorBeans::rejectWrongSettings);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Optional<Election> leadership = HaBeans.bind(context, settings.ha(), standbyRestart);
        OpsBeans ops = OpsBeans.bind(context, settings, leadership);
        if (settings.capture().isPresent()) {
            bindCdc(context, registry, ops, settings.capture().get());
        } else {
            registry.bind("snapshotEndpoint", new SnapshotEndpoint(SnapshotOperation.WITHOUT_CDC));
        }
        if (ops.mirrorMetrics.isPresent()) {
            MirrorBeans.bind(context, settings.mirror().orElseThrow(), settings.delivery(),
                    settings.topics().replicationFactor(), ops.mirrorMetrics.get(), ops.health);
        }
    }

    private void bindCdc(CamelContext context, Registry registry, OpsBeans ops, CaptureSettings capture)
            throws Exception {
        SourceSettings source = follower.reading();
        follower.reportTo(ops.metrics);
        CommitSequence commitSequence = new CommitSequence();
        ChangeSink sink = capture.destination() instanceof KafkaSettings kafka
                ? KafkaSinkBeans.sink(context, kafka, settings.delivery(), settings.topics(), source.name(),
                        ops.metrics, ops.health)
                : RocketMqSinkBeans.sink(context, (RocketMqSettings) capture.destination(), settings.topics());
        // with relay.ha.*, the sink starts when this relay leads: before its engine reads where to start (see
        // StartedOnFirstUse.startOnce), never on a standby
        Runnable beforeEngine = () -> { };
        if (settings.ha().enabled()) {
            StartedOnFirstUse onLead = new StartedOnFirstUse(sink);
            beforeEngine = onLead::startOnce;
            sink = onLead;
        }
        DeliverySteps.bind(context, settings, formatOptions(source), commitSequence, sink);

        var debezium = DebeziumSourceConfiguration.of(source, settings.dataDir(), settings.state(),
                settings.syncTypes(), fromSeededOffset, settings.delivery(), columnExcludeList);
        // exactly-once is refused at validation for any sink but Kafka
        if (settings.delivery().exactlyOnce() && capture.destination() instanceof KafkaSettings kafka) {
            DebeziumSourceConfiguration.readPositionsFrom(debezium, settings.delivery().positionsTopic(),
                    DebeziumSourceConfiguration.positionsClient(kafka));
        }
        CaptureControl control = new CaptureControl(new AddedTables(settings.dataDir(), source.name()), beforeEngine);
        registry.bind("debezium-mysql", new RelayDebeziumComponent(debezium, settings.delivery(), ops.health,
                new RelayDebeziumComponent.Capture(source.snapshot().signalTable(), control, follower,
                        ops.debezium.orElseThrow())));
        SnapshotRequests snapshots = new SnapshotRequests(follower::reading, control, ops.snapshotProgress.orElseThrow(),
                Clock.systemUTC());
        // Debezium reads the signal from the binlog: without incremental it never would
        SnapshotOperation resnapshot = settings.syncTypes().contains(RelaySettings.SyncType.INCREMENTAL) ? snapshots
                : tables -> SnapshotOperation.Answer.refused(409, "This relay reads no binlog (relay.sync-types has "
                        + "no incremental), and Debezium reads re-snapshot requests from the binlog.");
        registry.bind("snapshotEndpoint", new SnapshotEndpoint(resnapshot));
        context.addService(new SnapshotJmx(resnapshot, source.name()));
        if (settings.syncTypes().contains(RelaySettings.SyncType.INCREMENTAL)) {
            context.addService(new RetentionMonitor(context, follower::reading, () -> restartFile(ops.metrics), ops.meters));
        }
        // the configured selection and the tables added while running (POST /snapshot)
        registry.bind("toChangeEvent", new ToChangeEvent(new ChangeEventMapper(keyCatalog, commitSequence,
                snapshots::captured)));
    }

    /** The binlog file a restart would begin at: the last acknowledged change's, else the one saved before. */
    private Optional<String> restartFile(RelayMetrics metrics) {
        RelayMetrics.Delivered last = metrics.lastDelivered();
        return last == null || last.snapshot() || last.position().file().isEmpty() ? savedFile
                : Optional.of(last.position().file());
    }

    private FormatOptions formatOptions(SourceSettings source) {
        FormatSettings f = settings.formats();
        return new FormatOptions(source.name(), f.dbType(), f.tenant(), f.clusterId(), new JdbcServerVersion(follower.connections()),
                settings.timeZone(), f.transactionSequence(), f.debeziumSchemas(), Clock.systemUTC());
    }


}
