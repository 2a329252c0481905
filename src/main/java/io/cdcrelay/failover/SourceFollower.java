package io.cdcrelay.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.cdcrelay.change.SourceConnections;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.SourceServer;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.report.RelayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which server of {@code relay.source.host} the relay reads, and the choice of the next one. Before every engine
 * start the relay asks {@link #choose}: the server it reads stays while it is a writable primary holding the saved
 * GTID position; otherwise the listed servers are asked in order and the first that is becomes the one read. With
 * one server listed nothing is asked: that server is read, as before failover existed.
 *
 * <p>The relay's own queries (keys, re-snapshot signals, binlog retention) go to the server read now through
 * {@link #connections()}.
 */
public final class SourceFollower {

    private static final Logger LOG = LoggerFactory.getLogger(SourceFollower.class);

    private final SourceSettings configured;
    private final BiFunction<SourceServer, Optional<String>, ServerStanding> inspector;
    /** Set once the relay's meters exist, which is after the start chose the first server. */
    private volatile RelayMetrics metrics;
    private volatile SourceSettings reading;

    public SourceFollower(SourceSettings configured) {
        this(configured, new ServerInspector(configured)::inspect);
    }

    SourceFollower(SourceSettings configured, BiFunction<SourceServer, Optional<String>, ServerStanding> inspector) {
        this.configured = configured;
        this.inspector = inspector;
        this.reading = configured;
    }

    /** From now on the server read and every move are reported to {@code relayMetrics}. */
    public void reportTo(RelayMetrics relayMetrics) {
        this.metrics = relayMetrics;
        report(reading.server());
    }

    /** The source settings of the server read now: its host and port come first. */
    public SourceSettings reading() {
        return reading;
    }

    /** Connections to whichever server is read at the moment each one is opened. */
    public SourceConnections connections() {
        return new SourceConnections(() -> reading.connections().open());
    }

    /**
     * The server to read from the saved position on, which becomes the one read.
     *
     * @param savedPosition reads the saved position's GTIDs (blank for a position without any; empty when nothing is
     *                      saved), only when several servers are listed: with one there is nothing to choose
     * @throws SettingsException when no listed server can continue: one sentence naming each and why
     */
    public SourceServer choose(Supplier<Optional<String>> savedPosition) {
        if (!configured.followsFailover()) {
            return configured.server();
        }
        Optional<String> saved = savedPosition.get();
        Optional<String> gtids = saved.filter(g -> !g.isBlank());
        // a file position is only meaningful on the server that wrote it: staying there needs no GTIDs
        boolean withoutGtids = saved.isPresent() && gtids.isEmpty();
        SourceServer current = reading.server();
        ServerStanding here = inspector.apply(current, gtids);
        if (here.usable()) {
            return current;
        }
        List<ServerStanding> asked = new ArrayList<>(List.of(here));
        for (SourceServer server : configured.servers()) {
            if (server.equals(current)) {
                continue;
            }
            ServerStanding standing = inspector.apply(server, gtids);
            if (withoutGtids) {
                standing = standing.lacking("the saved position has no GTIDs to find in another server's binlog "
                        + "(relay.source.flavor=mariadb reads MariaDB's; MySQL needs gtid_mode=ON)");
            }
            if (standing.usable()) {
                LOG.warn("The relay now reads the binlog of {} ({} {}), from the saved GTIDs {}", server, current,
                        here.why(), gtids.orElse("(none saved yet)"));
                reading = configured.reading(server);
                report(server);
                RelayMetrics m = metrics;
                if (m != null) {
                    m.failedOver();
                }
                return server;
            }
            asked.add(standing);
        }
        throw new SettingsException(noneUsable(asked));
    }

    /**
     * Why the relay should leave the server it reads: it no longer answers, or it answers as read-only or as a
     * replica. Empty with one server listed (there is nowhere to go) and while it is a writable primary.
     */
    public Optional<String> whyLeave() {
        if (!configured.followsFailover()) {
            return Optional.empty();
        }
        ServerStanding here = inspector.apply(reading.server(), Optional.empty());
        return here.writablePrimary() ? Optional.empty() : Optional.of(here.server() + " " + here.why());
    }

    private void report(SourceServer server) {
        RelayMetrics m = metrics;
        if (m != null && configured.followsFailover()) {
            m.readingServer(server.toString(), configured.servers().indexOf(server));
        }
    }

    static String noneUsable(List<ServerStanding> asked) {
        List<String> parts = asked.stream().map(s -> s.server() + " " + s.why()).toList();
        boolean lacking = asked.stream().anyMatch(s -> s.writablePrimary() && s.lacks().isPresent());
        return "no server of relay.source.host can continue the relay's position: " + String.join("; ", parts)
                + (lacking ? "; a server that lacks the saved GTIDs is never read, as changes would be skipped: bring "
                        + "back a server that has them, or delete the saved state to start afresh"
                        : "; the relay retries until one is a writable primary (promote a replica: STOP SLAVE; RESET "
                                + "SLAVE ALL; SET GLOBAL read_only=OFF)") + ".";
    }
}
