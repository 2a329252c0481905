package io.cdcrelay.precheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cdcrelay.capture.SavedPositionCheck;
import io.cdcrelay.config.CaptureSettings;
import io.cdcrelay.config.KafkaSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.RocketMqSettings;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.config.StateSettings.KafkaState;
import io.cdcrelay.failover.ServerInspector;
import io.cdcrelay.position.RetentionGuard;
import io.cdcrelay.topic.TopicNameRule;

/**
 * Runs the checks that apply to the settings, each once, and collects their lines: with CDC on, the source
 * and the destination (Kafka or RocketMQ) with the captured tables' topics, and with the state in Kafka its
 * topics (and its cluster, when it is not the destination's); with the mirror on, both of its
 * Kafka clusters; with {@code relay.http.port} set, that the port is free. A mirror-only relay reads no
 * database, so it checks none.
 */
public final class Precheck {

    /** The exit code of a relay (or {@code --precheck}) stopped by a failing check; 2 is a wrong setting. */
    public static final int FAILED_EXIT_CODE = 3;

    /**
     * How long a destination may take to answer. Long enough for a TLS and SASL handshake with a remote
     * cluster; a closed port costs the whole wait, since Kafka's client keeps retrying until it ends.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RelaySettings settings;

    public Precheck(RelaySettings settings) {
        this.settings = settings;
    }

    /** Every check that applies, as {@code --precheck} prints them. */
    public PrecheckReport run() {
        return run(true);
    }

    /**
     * The checks a start runs first: all but the HTTP port's, since a port free now may be taken before Camel binds
     * it, and the saved position's, since the source may purge it before the engine starts. The start settles each
     * at the last moment instead, as a wrong setting (exit code 2, see {@link io.cdcrelay.ops.HttpPortGuard} and
     * {@link io.cdcrelay.capture.SavedPositionCheck}).
     */
    public PrecheckReport runBeforeStart() {
        return run(false);
    }

    /**
     * The server a start would read: with several listed, the first writable primary (the first listed when none
     * is, so that its line says what is wrong).
     */
    private static SourceSettings writablePrimary(SourceSettings source) {
        if (!source.followsFailover()) {
            return source;
        }
        ServerInspector inspector = new ServerInspector(source);
        return source.servers().stream().filter(s -> inspector.inspect(s, Optional.empty()).writablePrimary())
                .findFirst().map(source::reading).orElse(source);
    }

    /** The saved position's GTIDs for the failover lines; empty when there is none or the state cannot be read. */
    private Optional<String> savedGtids() {
        try {
            return new SavedPositionCheck(settings).saved().map(RetentionGuard.Saved::gtids);
        } catch (RuntimeException e) {
            // the saved position line says why the state cannot be read
            return Optional.empty();
        }
    }

    private PrecheckReport run(boolean asked) {
        List<CheckResult> results = new ArrayList<>();
        if (settings.capture().isPresent()) {
            CaptureSettings capture = settings.capture().get();
            SourcePrecheck.Findings source = new SourcePrecheck(writablePrimary(capture.source())).run();
            results.addAll(source.results());
            if (asked) {
                // a listed replica that is down must not stop a start, which checks the server it reads itself
                results.addAll(new FailoverServersCheck(capture.source(), savedGtids()).run());
            }
            TopicNameRule rule = new TopicNameRule(settings.topics());
            Optional<TopicPlan> plan = source.capturedTables().map(tables -> TopicPlan.of(tables, rule));
            Optional<KafkaState> state = Optional.ofNullable(settings.state().kafka());
            if (capture.destination() instanceof RocketMqSettings rocketmq) {
                results.addAll(new RocketMqPrecheck(rocketmq, settings.topics(), TIMEOUT).run(plan));
            } else if (capture.destination() instanceof KafkaSettings kafka) {
                results.addAll(new KafkaPrecheck("destination reachable", kafka.bootstrapServers(),
                        "relay.kafka.bootstrap-servers", "relay.kafka.producer.*", kafka.producer(), TIMEOUT)
                        .withTopics(plan, settings.topics(), state.filter(KafkaState::sharesSinkCluster)));
            }
            state.filter(s -> !s.sharesSinkCluster()).ifPresent(s -> results.addAll(new KafkaPrecheck(
                    "state cluster reachable", s.bootstrapServers(), s.bootstrapKey(), "relay.state.kafka.properties.*",
                    s.clientProperties(), TIMEOUT).withStateTopics(s)));
            if (asked) {
                results.add(new SavedPositionLine(settings).run(results));
            }
        }
        settings.mirror().ifPresent(mirror -> {
            results.add(new KafkaPrecheck("mirror source reachable", mirror.sourceBootstrapServers(),
                    "relay.mirror.source.bootstrap-servers", "relay.mirror.source.properties.*", mirror.source(),
                    TIMEOUT).reachableOnly());
            results.add(new KafkaPrecheck("mirror destination reachable", mirror.destinationBootstrapServers(),
                    "relay.mirror.destination.bootstrap-servers", "relay.mirror.destination.properties.*",
                    mirror.destination(), TIMEOUT).reachableOnly());
        });
        if (asked && settings.http().enabled()) {
            results.add(new HttpPortCheck(settings.http().port()).run());
        }
        return new PrecheckReport(results);
    }
}
