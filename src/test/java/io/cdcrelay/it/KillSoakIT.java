package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.Servers;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production jar killed with SIGKILL at random moments while a seeded workload commits, and restarted
 * each time, in both delivery guarantees. A {@code read_committed} consumer then checks every committed change:
 * exactly-once, none lost, none twice, each key in commit order; at-least-once, none lost and each key's first
 * deliveries in commit order. The counts are logged as one line per mode ({@code soak <mode>: ...}).
 */
@ExtendWith(RealServers.class)
class KillSoakIT {

    private static final Logger LOG = LoggerFactory.getLogger(KillSoakIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** SIGKILLs per mode; {@code -Dsoak.kills=N} runs more or fewer. */
    private static final int KILLS = Integer.getInteger("soak.kills", 12);

    @Test
    void underExactlyOnceARelayKilledAtRandomMomentsDeliversEveryChangeOnceInCommitOrder(Servers servers)
            throws Exception {
        // the state in Kafka too, as a standby on another host would need it
        LedgerWorkload.Check check = soak(servers, "it_soak_exactly_once", "exactly-once", 6011, "kafka");
        assertThat(check.lost()).as("lost").isZero();
        assertThat(check.duplicated()).as("duplicated").isZero();
        assertThat(check.outOfOrder()).as("keys out of order").isZero();
        assertThat(check.delivered()).as("messages, one per committed change").isEqualTo(check.committed());
    }

    @Test
    void underAtLeastOnceARelayKilledAtRandomMomentsLosesNothingAndKeepsFirstDeliveriesInOrder(Servers servers)
            throws Exception {
        LedgerWorkload.Check check = soak(servers, "it_soak_at_least_once", "at-least-once", 6012, "file");
        assertThat(check.lost()).as("lost").isZero();
        assertThat(check.outOfOrder()).as("keys whose first deliveries are out of order").isZero();
    }

    private static LedgerWorkload.Check soak(Servers servers, String db, String guarantee, long serverId,
            String stateStore) throws Exception {
        LedgerWorkload workload = new LedgerWorkload(servers.mariaDb(), db);
        Path dataDir = servers.dir().resolve("relay-" + db);
        String topic = "Topic_" + db + "_ledger";
        Properties properties = TestRelay.properties(servers, db, dataDir, serverId);
        properties.setProperty("relay.delivery.guarantee", guarantee);
        properties.setProperty("relay.state.store", stateStore);
        File log = servers.dir().resolve(db + ".log").toFile();
        Random random = new Random(serverId);

        Process relay = RelayProcess.start(properties, log, "-Xmx512m");
        // an empty table: the snapshot ends at once and the soak is about the binlog
        workload.run(1);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> TopicReader.read(
                servers.kafka().bootstrapServers(), topic, 1, Duration.ofSeconds(2)).size() >= 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> written = writer.submit(() -> {
            while (writing.get()) {
                workload.run(1);
                TimeUnit.MILLISECONDS.sleep(10);
            }
            return null;
        });
        try (CommittedCount delivered = new CommittedCount(servers.kafka().bootstrapServers(), topic)) {
            for (int kill = 1; kill <= KILLS; kill++) {
                // once it delivered something new, at a random moment after that
                long before = delivered.now();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> delivered.now() > before);
                TimeUnit.MILLISECONDS.sleep(random.nextInt(2_000));
                relay.destroyForcibly().waitFor();
                LOG.info("soak {}: SIGKILL {} of {} with {} changes committed to the source, {} messages read",
                        guarantee, kill, KILLS, workload.committedChanges(), delivered.now());
                relay = RelayProcess.start(properties, log, "-Xmx512m");
            }
            writing.set(false);
            written.get(30, TimeUnit.SECONDS);
            try {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> workload.check(TopicReader.read(servers.kafka().bootstrapServers(), topic,
                                Integer.MAX_VALUE, Duration.ofSeconds(3))).lost() == 0);
            } catch (ConditionTimeoutException e) {
                LedgerWorkload.Check check = workload.check(TopicReader.read(servers.kafka().bootstrapServers(),
                        topic, Integer.MAX_VALUE, Duration.ofSeconds(3)));
                throw new AssertionError(String.format("soak %s: %d of %d changes never delivered, e.g. %s",
                        guarantee, check.lost(), check.committed(), check.lostExamples()), e);
            }
            LedgerWorkload.Check check = workload.check(TopicReader.read(servers.kafka().bootstrapServers(), topic,
                    Integer.MAX_VALUE, Duration.ofSeconds(3)));
            LOG.info("soak {}: {} SIGKILLs survived; {} changes committed, {} messages read: {} lost, {} duplicated,"
                    + " {} keys out of order", guarantee, KILLS, check.committed(), check.delivered(), check.lost(),
                    check.duplicated(), check.outOfOrder());
            return check;
        } finally {
            writing.set(false);
            writer.shutdownNow();
            relay.destroy();
            relay.waitFor();
        }
    }
}
