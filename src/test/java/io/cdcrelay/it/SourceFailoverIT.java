package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source that fails over: a MariaDB primary and its GTID replica ({@code log_slave_updates}), both listed in
 * {@code relay.source.host}. Two production-jar relays read the primary, one under {@code exactly-once} and one
 * under {@code at-least-once}, while the seeded ledger workload (key moves, multi-row transactions) commits. The
 * primary is killed with SIGKILL, the replica promoted as an operator or orchestrator would, and the workload goes
 * on there. Each relay must move to the replica by itself and continue from its saved GTIDs: exactly-once with every
 * change once and each key in commit order ({@code read_committed}), at-least-once with none lost. The time from the
 * primary's death to the first change written on the replica arriving is logged ({@code failover <mode>: ...}).
 *
 * <p>The kill comes once the replica holds every commit: a primary that dies with commits it never shipped leaves a
 * replica that lacks what the relay may already have delivered, and the relay then refuses it (see
 * {@code SourceFollowerTest}); there would be nothing to continue from.
 */
@ExtendWith(RealServers.class)
class SourceFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(SourceFailoverIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String DB = "it_failover";

    @Test
    void relaysFollowTheirPrimaryToThePromotedReplicaLosingNothingAndUnderExactlyOnceDuplicatingNothing(
            Servers servers) throws Exception {
        Path dir = servers.dir().resolve("failover");
        Files.createDirectories(dir);
        try (ReplicatedMariaDb pair = ReplicatedMariaDb.start(dir.resolve("mariadb"))) {
            LedgerWorkload workload = new LedgerWorkload(pair.primary(), DB);
            String hosts = "127.0.0.1:" + pair.primary().port() + ",127.0.0.1:" + pair.replica().port();
            Relay exactlyOnce = new Relay(servers, dir, "exactly-once", "Failover_EO_${table}", 6101, hosts);
            Relay atLeastOnce = new Relay(servers, dir, "at-least-once", "Failover_ALO_${table}", 6102, hosts);
            try {
                workload.run(1);
                String precheck = exactlyOnce.precheck(dir);
                assertThat(precheck).contains("PASS  failover server 127.0.0.1:" + pair.primary().port()
                        + ": writable primary, server_id 1")
                        .contains("PASS  failover server 127.0.0.1:" + pair.replica().port()
                                + ": replica (read-only), server_id 2");
                for (Relay relay : List.of(exactlyOnce, atLeastOnce)) {
                    await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> relay.read().size() >= 1);
                }
                // a burst the relays are still delivering when the primary dies
                workload.run(400);
                pair.awaitReplicaCaughtUp(Duration.ofSeconds(60));
                long died = System.nanoTime();
                pair.killPrimary();
                pair.promoteReplica();
                LOG.info("failover: primary killed with {} changes committed, replica promoted after {} ms",
                        workload.committedChanges(), (System.nanoTime() - died) / 1_000_000);
                workload.writeTo(pair.replica());
                int firstOnReplica = workload.nextId();
                AtomicBoolean writing = new AtomicBoolean(true);
                ExecutorService writer = Executors.newSingleThreadExecutor();
                Future<?> written = writer.submit(() -> {
                    while (writing.get()) {
                        workload.run(1);
                        TimeUnit.MILLISECONDS.sleep(20);
                    }
                    return null;
                });
                try {
                    String firstRow = "\"postStruct\":{\"id\":\"" + firstOnReplica + "\"";
                    for (Relay relay : List.of(exactlyOnce, atLeastOnce)) {
                        long arrived = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                                .until(() -> relay.arrivals.seen().entrySet().stream()
                                        .filter(e -> e.getKey().contains(firstRow)).map(Map.Entry::getValue)
                                        .findFirst(), Optional::isPresent).get();
                        LOG.info("failover {}: {} ms from the primary's death to the first change written on the "
                                + "replica delivered", relay.guarantee, (arrived - died) / 1_000_000);
                    }
                    TimeUnit.SECONDS.sleep(3);
                } finally {
                    writing.set(false);
                    written.get(30, TimeUnit.SECONDS);
                    writer.shutdownNow();
                }
                for (Relay relay : List.of(exactlyOnce, atLeastOnce)) {
                    await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                            .until(() -> workload.check(relay.read()).lost() == 0);
                    LedgerWorkload.Check check = workload.check(relay.read());
                    LOG.info("failover {}: {} changes committed, {} messages read: {} lost, {} duplicated, {} keys "
                            + "out of order", relay.guarantee, check.committed(), check.delivered(), check.lost(),
                            check.duplicated(), check.outOfOrder());
                    assertThat(check.lost()).as(relay.guarantee + " lost").isZero();
                    assertThat(check.outOfOrder()).as(relay.guarantee + " keys out of order").isZero();
                    assertThat(Files.readString(relay.log.toPath())).as(relay.guarantee + " log")
                            .contains("The relay now reads the binlog of 127.0.0.1:" + pair.replica().port());
                }
                LedgerWorkload.Check once = workload.check(exactlyOnce.read());
                assertThat(once.duplicated()).as("exactly-once duplicated").isZero();
                assertThat(once.delivered()).as("exactly-once: one message per committed change")
                        .isEqualTo(once.committed());
            } finally {
                exactlyOnce.stop();
                atLeastOnce.stop();
            }
        }
    }

    /** One production-jar relay of the pair, writing its own topic. */
    private static final class Relay {

        private final String guarantee;
        private final String topic;
        private final String bootstrap;
        private final File log;
        private final Process process;
        private final Properties properties;
        /** When each message was first seen, for the time the failover took. */
        private final ArrivalLog arrivals;

        Relay(Servers servers, Path dir, String guarantee, String topicName, long serverId, String hosts)
                throws Exception {
            this.guarantee = guarantee;
            this.topic = topicName.replace("${table}", "ledger");
            this.bootstrap = servers.kafka().bootstrapServers();
            String name = DB + "_" + guarantee.replace('-', '_');
            Properties p = TestRelay.properties(servers, DB, dir.resolve("relay-" + guarantee), serverId);
            p.setProperty("relay.source.host", hosts);
            p.setProperty("relay.source.name", name);
            p.setProperty("camel.main.name", "relay-" + name);
            p.setProperty("relay.delivery.guarantee", guarantee);
            p.setProperty("relay.topic.name", topicName);
            this.properties = p;
            this.log = dir.resolve(name + ".log").toFile();
            this.process = RelayProcess.start(p, log, "-Xmx512m");
            this.arrivals = new ArrivalLog(bootstrap, topic);
            arrivals.start();
        }

        /** {@code --precheck} with this relay's settings, while it runs: its output. */
        String precheck(Path dir) throws Exception {
            File out = dir.resolve("precheck-" + guarantee + ".log").toFile();
            Process checks = RelayProcess.start(properties, out, List.of("--precheck"), "-Xmx256m");
            assertThat(checks.waitFor(60, TimeUnit.SECONDS)).as("precheck ended").isTrue();
            String printed = Files.readString(out.toPath());
            LOG.info("failover precheck:\n{}", printed);
            assertThat(checks.exitValue()).as("precheck exit code, output:\n" + printed).isZero();
            return printed;
        }

        List<ConsumerRecord<String, String>> read() {
            return TopicReader.read(bootstrap, topic, Integer.MAX_VALUE, Duration.ofSeconds(2));
        }

        void stop() throws InterruptedException {
            arrivals.close();
            process.destroy();
            process.waitFor();
        }
    }
}
