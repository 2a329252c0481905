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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code relay.delivery.guarantee=exactly-once}: the production jar, killed with SIGKILL at random moments
 * while a workload commits, and restarted each time; a {@code read_committed} consumer finds every committed
 * change exactly once, each key's in commit order.
 */
@ExtendWith(RealServers.class)
class ExactlyOnceIT {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** SIGKILLs of one run; {@code -Dsoak.kills=N} runs more or fewer. */
    private static final int KILLS = Integer.getInteger("soak.kills", 20);

    @Test
    void aRelayKilledAtRandomMomentsUnderAWorkloadDeliversEveryChangeOnceInCommitOrder(Servers servers)
            throws Exception {
        String db = "it_exactly_once";
        LedgerWorkload workload = new LedgerWorkload(servers.mariaDb(), db);
        Path dataDir = servers.dir().resolve("relay-" + db);
        String topic = "Topic_" + db + "_ledger";
        Properties properties = TestRelay.properties(servers, db, dataDir, 6011);
        properties.setProperty("relay.delivery.guarantee", "exactly-once");
        File log = servers.dir().resolve(db + ".log").toFile();
        Random random = new Random(11);

        Process relay = RelayProcess.start(properties, log, "-Xmx512m");
        workload.run(1);
        awaitCommitted(servers, topic, 1);
        CommittedCount delivered = new CommittedCount(servers.kafka().bootstrapServers(), topic);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> written = writer.submit(() -> {
            while (writing.get()) {
                workload.run(1);
                TimeUnit.MILLISECONDS.sleep(10);
            }
            return null;
        });
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                // killed once it delivered something new, after a random moment more
                long before = delivered.now();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> delivered.now() > before);
                TimeUnit.MILLISECONDS.sleep(random.nextInt(2_000));
                relay.destroyForcibly().waitFor();
                LOG.info("SIGKILL {} of {}: {} changes committed to the source, {} messages in {}", kill, KILLS,
                        workload.committedChanges(), delivered.now(), topic);
                relay = RelayProcess.start(properties, log, "-Xmx512m");
            }
            writing.set(false);
            written.get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> delivered.now() >= workload.committedChanges());
            var records = TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE,
                    Duration.ofSeconds(5));
            LOG.info("exactly-once soak: {} kills survived, {} changes committed, {} messages read", KILLS,
                    workload.committedChanges(), records.size());
            workload.assertDeliveredOnceInOrder(records);
        } finally {
            writing.set(false);
            writer.shutdownNow();
            delivered.close();
            relay.destroy();
            relay.waitFor();
        }
    }

    /** Messages a read_committed consumer sees in {@code topic} now. */
    private static long committed(Servers servers, String topic) {
        return TopicReader.read(servers.kafka().bootstrapServers(), topic, Integer.MAX_VALUE, Duration.ofSeconds(2))
                .size();
    }

    private static void awaitCommitted(Servers servers, String topic, int atLeast) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> committed(servers, topic) >= atLeast);
    }
}
