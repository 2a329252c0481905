package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.SecondKafka;
import io.cdcrelay.it.RealServers.Servers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two mirror instances of one consumer group, each the production jar in its own process; one is killed with SIGKILL
 * while records keep coming. The survivor takes the orphaned partitions over once the group misses the dead one's
 * heartbeats, so every record arrives, none later than {@link #MOST_A_RECORD_MAY_WAIT} after it was written: under
 * Kafka's 45 s default session timeout, the records of the dead instance's partitions waited about 45 s.
 */
@ExtendWith(RealServers.class)
class MirrorFailoverIT {

    private static final String TOPIC = "m-failover";
    private static final String GROUP = "g-failover";
    private static final int PARTITIONS = 6;
    private static final int RECORDS_PER_SECOND = 500;
    /** Generous against the relay's 10 s session timeout on a busy 2-core machine, well under Kafka's 45 s. */
    private static final Duration MOST_A_RECORD_MAY_WAIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theSurvivorTakesOverTheKilledInstancesPartitionsAndEveryRecordArrivesInBoundedTime(Servers servers,
            SecondKafka destination) throws Exception {
        new SourceTopics(servers.kafka().bootstrapServers()).create(TOPIC, PARTITIONS);
        Process killed = RelayProcess.start(mirror(servers, destination, "a"), log(servers, "a"), "-Xmx512m");
        Process survivor = null;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()));
                PacedSource writer = new PacedSource(servers.kafka().bootstrapServers(), TOPIC, PARTITIONS,
                        RECORDS_PER_SECOND);
                ArrivalLog arrivals = new ArrivalLog(destination.bootstrapServers(), TOPIC)) {
            await().atMost(WAIT).until(() -> assigned(admin).containsKey("failover-a"));
            survivor = RelayProcess.start(mirror(servers, destination, "b"), log(servers, "b"), "-Xmx512m");
            await().atMost(WAIT).until(() -> assigned(admin).keySet().equals(Set.of("failover-a", "failover-b")));
            Set<Integer> orphaned = assigned(admin).get("failover-a");

            writer.start();
            arrivals.start();
            Thread.sleep(5_000);
            long killedAt = System.nanoTime();
            killed.destroyForcibly().waitFor();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> assigned(admin).getOrDefault("failover-b", Set.of()).size() == PARTITIONS);
            long reassignedAt = System.nanoTime();
            Thread.sleep(20_000);
            Map<String, Long> sent = writer.stop();

            await().atMost(WAIT).until(() -> arrivals.seen().keySet().containsAll(sent.keySet()));
            long firstOrphanMirrored = sent.entrySet().stream()
                    .filter(e -> e.getValue() > killedAt && orphaned.contains(PacedSource.partitionOf(e.getKey())))
                    .mapToLong(e -> arrivals.seen().get(e.getKey())).min().orElseThrow();
            Map.Entry<String, Long> slowest = sent.entrySet().stream()
                    .max(java.util.Comparator.comparingLong(e -> arrivals.seen().get(e.getKey()) - e.getValue()))
                    .orElseThrow();
            Duration longestWait = Duration.ofNanos(arrivals.seen().get(slowest.getKey()) - slowest.getValue());
            System.out.printf("MirrorFailoverIT: takeover after SIGKILL: partitions %s reassigned after %.1f s, first "
                    + "record written to them after the kill mirrored %.1f s after the kill; %,d records, the slowest "
                    + "arrived %.1f s after it was written%n", orphaned, seconds(reassignedAt - killedAt),
                    seconds(firstOrphanMirrored - killedAt), sent.size(), longestWait.toMillis() / 1000.0);

            assertThat(killed.exitValue()).as("killed, not stopped").isNotZero();
            assertThat(orphaned).as("the killed instance held partitions").isNotEmpty();
            assertThat(longestWait).as("the longest a record waited for the mirror").isLessThan(MOST_A_RECORD_MAY_WAIT);
        } finally {
            killed.destroyForcibly();
            if (survivor != null) {
                survivor.destroy();
                survivor.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A mirror-only relay whose consumer identifies itself as {@code failover-<name>} in the group. */
    private static Properties mirror(Servers servers, SecondKafka destination, String name) {
        Properties p = TestRelay.mirrorProperties(servers.kafka().bootstrapServers(), destination.bootstrapServers(),
                TOPIC, GROUP, servers.dir().resolve("mirror-failover-" + name));
        p.setProperty("relay.mirror.source.properties.client.id", "failover-" + name);
        return p;
    }

    private static File log(Servers servers, String name) {
        return servers.dir().resolve("mirror-failover-" + name + ".log").toFile();
    }

    /** Source partitions held by each member of the group, by client id. */
    private static Map<String, Set<Integer>> assigned(Admin admin) throws Exception {
        List<MemberDescription> members = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP)
                .members().stream().toList();
        return members.stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
                .collect(Collectors.toMap(MemberDescription::clientId, m -> m.assignment().topicPartitions().stream()
                        .map(TopicPartition::partition).collect(Collectors.toSet()), (x, y) -> x));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
