package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.TestRelay;
import io.cdcrelay.demo.FreePort;
import io.cdcrelay.it.RealServers.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two production-jar relays of one source, elected by the file cluster service ({@code relay.ha.cluster-service=file})
 * over one shared {@code relay.data-dir}, exactly-once, while a seeded workload commits. The leader is killed with
 * SIGKILL: the standby takes over within 15 s (the time from the kill to its first delivery is logged as
 * {@code takeover: ...}), and a {@code read_committed} consumer finds every change once, each key in commit order.
 * A former leader started again while the other leads stays a standby, a leader that loses the lead restarts as
 * a standby in its own process, and a frozen leader woken after the takeover is fenced.
 */
@ExtendWith(RealServers.class)
class HighAvailabilityIT {

    private static final Logger LOG = LoggerFactory.getLogger(HighAvailabilityIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStandbyTakesOverFromAKilledLeaderWithinSecondsAndDeliversEveryChangeOnceInCommitOrder(Servers servers)
            throws Exception {
        try (Pair pair = new Pair(servers, "it_ha_takeover", 6021)) {
            pair.start();
            Duration takeover = pair.killLeaderAndAwaitTakeover();
            assertThat(takeover).as("time from the leader's SIGKILL to the standby's first delivery")
                    .isLessThanOrEqualTo(TAKEOVER_LIMIT);
            pair.checkEveryChangeOnceInOrder();
        }
    }

    @Test
    void aFormerLeaderStartedAgainWhileAnotherLeadsStaysStandby(Servers servers) throws Exception {
        try (Pair pair = new Pair(servers, "it_ha_return", 6022)) {
            pair.start();
            pair.killLeaderAndAwaitTakeover();
            pair.a = RelayProcess.start(pair.properties("relay-a", pair.portA), pair.logA, "-Xmx512m");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> status(pair.portA) != null);
            // several heartbeats of the leader: a relay that was going to take over would have done so
            TimeUnit.SECONDS.sleep(8);
            JsonNode returned = status(pair.portA);
            assertThat(returned.path("state").asText()).isEqualTo("standby");
            assertThat(returned.path("ha").path("leader").asText()).isEqualTo("relay-b");
            assertThat(returned.path("readiness").asText()).as("a standby is ready").isEqualTo("UP");
            assertThat(status(pair.portB).path("ha").path("role").asText()).isEqualTo("leader");
            long before = pair.delivered.now();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> pair.delivered.now() > before);
            pair.checkEveryChangeOnceInOrder();
        }
    }

    /**
     * The lock file removed under the leader (as a cleanup of the shared folder would) costs it the lead: it starts a
     * new Camel context in the same process as a standby, and one of the two leads on, with nothing lost or doubled.
     */
    @Test
    void aLeaderThatLosesTheLeadRestartsAsAStandbyInItsOwnProcess(Servers servers) throws Exception {
        try (Pair pair = new Pair(servers, "it_ha_lost", 6023)) {
            pair.start();
            Files.delete(pair.dataDir.resolve("ha").resolve(pair.db));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> role(pair.portA).equals("standby"));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> role(pair.portA).equals("leader")
                    ^ role(pair.portB).equals("leader"));
            assertThat(pair.a.isAlive()).as("relay-a restarted in its own process").isTrue();
            String leader = role(pair.portA).equals("leader") ? "relay-a" : "relay-b";
            int standbyPort = leader.equals("relay-a") ? pair.portB : pair.portA;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> status(standbyPort).path("ha").path("leader").asText().equals(leader));
            assertThat(status(standbyPort).path("state").asText()).isEqualTo("standby");
            long before = pair.delivered.now();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> pair.delivered.now() > before);
            pair.checkEveryChangeOnceInOrder();
        }
    }

    /**
     * A leader frozen (SIGSTOP) keeps its lock on this host, so its lock file is removed for the standby to take over,
     * as a lease that expires would let it. Woken after the standby's producer started, the former leader is fenced by
     * the shared transactional.id: it says so, delivers nothing more, and restarts as a standby.
     */
    @Test
    void aFrozenLeaderWokenAfterTheStandbyTookOverIsFencedAndNothingArrivesTwice(Servers servers) throws Exception {
        try (Pair pair = new Pair(servers, "it_ha_fenced", 6024)) {
            pair.start();
            signal("STOP", pair.a);
            try {
                Files.delete(pair.dataDir.resolve("ha").resolve(pair.db));
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> role(pair.portB).equals("leader"));
                long before = pair.delivered.now();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> pair.delivered.now() > before);
            } finally {
                signal("CONT", pair.a);
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> role(pair.portA).equals("standby"));
            // woken, it is fenced at its next commit, or it notices the lost lock first: either way it delivers
            // nothing more and stands by
            assertThat(Files.readString(pair.logA.toPath())).containsAnyOf("took over this source",
                    "lost the lead of");
            assertThat(status(pair.portB).path("ha").path("role").asText()).isEqualTo("leader");
            pair.checkEveryChangeOnceInOrder();
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor())
                .as("kill -" + signal).isZero();
    }

    /** Relay A started first and leading, relay B its standby, and a workload committing all along. */
    private final class Pair implements AutoCloseable {

        private final Servers servers;
        private final String db;
        private final long serverId;
        private final LedgerWorkload workload;
        private final String topic;
        private final Path dataDir;
        private final int portA = FreePort.pick();
        private final int portB = FreePort.pick();
        private final File logA;
        private final File logB;
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final ExecutorService writer = Executors.newSingleThreadExecutor();
        private Future<?> written;
        private CommittedCount delivered;
        private Process a;
        private Process b;

        Pair(Servers servers, String db, long serverId) throws Exception {
            this.servers = servers;
            this.db = db;
            this.serverId = serverId;
            this.workload = new LedgerWorkload(servers.mariaDb(), db);
            this.topic = "Topic_" + db + "_ledger";
            this.dataDir = servers.dir().resolve("relay-" + db);
            this.logA = servers.dir().resolve(db + "-a.log").toFile();
            this.logB = servers.dir().resolve(db + "-b.log").toFile();
        }

        /** A elected, B standing by and naming A, the workload running and A delivering it. */
        void start() throws Exception {
            a = RelayProcess.start(properties("relay-a", portA), logA, "-Xmx512m");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> role(portA).equals("leader"));
            workload.run(1);
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> TopicReader.read(
                    servers.kafka().bootstrapServers(), topic, 1, Duration.ofSeconds(2)).size() >= 1);
            b = RelayProcess.start(properties("relay-b", portB), logB, "-Xmx512m");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> status(portB) != null);
            JsonNode standby = status(portB);
            assertThat(standby.path("state").asText()).isEqualTo("standby");
            assertThat(standby.path("ha").path("leader").asText()).isEqualTo("relay-a");
            assertThat(standby.path("readiness").asText()).as("a standby is ready").isEqualTo("UP");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            written = writer.submit(() -> {
                while (writing.get()) {
                    workload.run(1);
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                return null;
            });
            delivered = new CommittedCount(servers.kafka().bootstrapServers(), topic);
            long before = delivered.now();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> delivered.now() > before + 100);
        }

        /** The same settings for both relays but their names and HTTP ports: one source, one data directory. */
        Properties properties(String member, int port) {
            Properties p = TestRelay.properties(servers, db, dataDir, serverId);
            p.setProperty("relay.delivery.guarantee", "exactly-once");
            p.setProperty("relay.ha.cluster-service", "file");
            p.setProperty("relay.ha.member-id", member);
            p.setProperty("relay.http.port", String.valueOf(port));
            return p;
        }

        /** @return the time from the SIGKILL of A to the first change B delivered */
        Duration killLeaderAndAwaitTakeover() throws Exception {
            long killed = System.nanoTime();
            a.destroyForcibly().waitFor();
            LOG.info("takeover: relay-a killed with {} changes committed to the source", workload.committedChanges());
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> role(portB).equals("leader"));
            Duration elected = Duration.ofNanos(System.nanoTime() - killed);
            // by now the last transactions relay-a committed have been read: what comes next is relay-b's
            long before = delivered.now();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> delivered.now() > before);
            Duration firstDelivery = Duration.ofNanos(System.nanoTime() - killed);
            LOG.info("takeover: relay-b leads {} ms after relay-a's SIGKILL and delivered its first change after {} ms",
                    elected.toMillis(), firstDelivery.toMillis());
            return firstDelivery;
        }

        void checkEveryChangeOnceInOrder() throws Exception {
            writing.set(false);
            written.get(30, TimeUnit.SECONDS);
            String bootstrap = servers.kafka().bootstrapServers();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> workload.check(
                    TopicReader.read(bootstrap, topic, Integer.MAX_VALUE, Duration.ofSeconds(3))).lost() == 0);
            LedgerWorkload.Check check = workload.check(TopicReader.read(bootstrap, topic, Integer.MAX_VALUE,
                    Duration.ofSeconds(3)));
            LOG.info("takeover: {} changes committed, {} messages read: {} lost, {} duplicated, {} keys out of order",
                    check.committed(), check.delivered(), check.lost(), check.duplicated(), check.outOfOrder());
            assertThat(check.lost()).as("lost").isZero();
            assertThat(check.duplicated()).as("duplicated").isZero();
            assertThat(check.outOfOrder()).as("keys out of order").isZero();
            assertThat(check.delivered()).as("messages, one per committed change").isEqualTo(check.committed());
        }

        @Override
        public void close() throws Exception {
            writing.set(false);
            writer.shutdownNow();
            if (delivered != null) {
                delivered.close();
            }
            for (Process p : new Process[] {a, b}) {
                if (p != null) {
                    p.destroy();
                    p.waitFor();
                }
            }
        }
    }

    private String role(int port) {
        JsonNode status = status(port);
        return status == null ? "" : status.path("ha").path("role").asText();
    }

    /** @return null while the relay does not answer yet */
    private JsonNode status(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
