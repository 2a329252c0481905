package io.cdcrelay.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.cdcrelay.config.HaSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Camel contexts elect through a Camel cluster service, as two relays of one source do: through the file
 * service in one folder, and through the ZooKeeper service against a real ZooKeeper server (Curator's
 * {@code TestingServer}). Only the leader runs {@code cdc} and {@code heartbeat}, both run every other route, the
 * standby names the leader, and when the leader stops the standby starts them.
 */
class LeaderOnlyRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    @Test
    void throughTheFileServiceOnlyTheElectedContextRunsTheBinlogRoutesAndTheOtherTakesOverWhenItStops()
            throws Exception {
        electOneAndHandOver(member -> new HaSettings(HaSettings.ClusterService.FILE, "shop", member,
                new HaSettings.FileLock(root, Duration.ofMillis(200), 3), null, null));
    }

    @Test
    void throughZooKeeperOnlyTheElectedContextRunsTheBinlogRoutesAndTheOtherTakesOverWhenItStops()
            throws Exception {
        try (TestingServer zooKeeper = new TestingServer(true)) {
            electOneAndHandOver(member -> new HaSettings(HaSettings.ClusterService.ZOOKEEPER, "shop", member, null,
                    null, new HaSettings.ZooKeeper(zooKeeper.getConnectString(), "/cdc-relay", Duration.ofSeconds(6))));
        }
    }

    /**
     * Camel's file view gives the lead up when its lock file is gone (as when an operator or a cleanup removes the
     * folder): the relay asks for a fresh context as a standby. Here nobody restarts the context and no other relay
     * runs, so its view soon takes the lead again: only the request is checked.
     */
    @Test
    void aLeaderThatLosesItsLockAsksToRestartAsAStandby() throws Exception {
        StandbyRestart restart = new StandbyRestart();
        AtomicBoolean stopped = new AtomicBoolean();
        restart.stopWith(() -> stopped.set(true));
        Relay a = relay(new HaSettings(HaSettings.ClusterService.FILE, "shop", "relay-a",
                new HaSettings.FileLock(root, Duration.ofMillis(200), 3), null, null), restart);
        a.context.start();
        try {
            await().atMost(WAIT).until(() -> status(a.context, "cdc") == ServiceStatus.Started);
            Files.delete(root.resolve("shop"));
            await().atMost(WAIT).until(restart::requested);
            assertThat(stopped).isTrue();
        } finally {
            a.context.stop();
        }
    }

    /** No API server here: what this shows is that the service and its client load and keep the routes stopped. */
    @Test
    void throughKubernetesWithoutAReachableApiServerNoRelayReadsTheBinlog() throws Exception {
        Relay a = relay(new HaSettings(HaSettings.ClusterService.KUBERNETES, "shop", "relay-0", null,
                new HaSettings.Kubernetes(Optional.of("data"), "cdc-relay", Map.of("app", "cdc-relay"),
                        Optional.of("http://127.0.0.1:1"), Duration.ofSeconds(8), Duration.ofSeconds(6),
                        Duration.ofSeconds(1)), null));
        a.context.start();
        try {
            Thread.sleep(3_000);
            assertThat(a.leadership.leading()).isFalse();
            assertThat(status(a.context, "cdc")).isEqualTo(ServiceStatus.Stopped);
            assertThat(status(a.context, "deliver")).isEqualTo(ServiceStatus.Started);
        } finally {
            a.context.stop();
        }
    }

    private void electOneAndHandOver(Function<String, HaSettings> settings) throws Exception {
        Relay a = relay(settings.apply("relay-a"));
        a.context.start();
        await().atMost(WAIT).until(() -> a.leadership.leading());
        Relay b = relay(settings.apply("relay-b"));
        b.context.start();
        try {
            assertThat(status(a.context, "cdc")).isEqualTo(ServiceStatus.Started);
            assertThat(status(a.context, "heartbeat")).isEqualTo(ServiceStatus.Started);
            assertThat(b.leadership.leading()).isFalse();
            assertThat(b.leadership.leader()).contains("relay-a");
            for (String everywhere : List.of("deliver", "kafka-mirror")) {
                assertThat(status(a.context, everywhere)).as(everywhere).isEqualTo(ServiceStatus.Started);
                assertThat(status(b.context, everywhere)).as(everywhere).isEqualTo(ServiceStatus.Started);
            }
            // several heartbeats of the leader: the standby keeps still
            Thread.sleep(1_000);
            assertThat(status(b.context, "cdc")).isEqualTo(ServiceStatus.Stopped);
            assertThat(status(b.context, "heartbeat")).isEqualTo(ServiceStatus.Stopped);

            a.context.stop();
            await().atMost(WAIT).until(() -> status(b.context, "cdc") == ServiceStatus.Started);
            // the route may start a moment before the election says so: the two are not one step
            await().atMost(WAIT).until(() -> b.leadership.leading());
            assertThat(b.leadership.leader()).contains("relay-b");
            assertThat(status(b.context, "heartbeat")).isEqualTo(ServiceStatus.Started);
        } finally {
            b.context.stop();
            a.context.stop();
        }
    }

    @Test
    void aRouteReadingTheBinlogIsLeaderOnlyWhateverItsId() {
        var route = new org.apache.camel.model.RouteDefinition().from("debezium-mysql:shop");
        assertThat(LeaderOnlyRoutes.leaderOnly("my-copy-of-cdc", route)).isTrue();
        assertThat(LeaderOnlyRoutes.leaderOnly("kafka-mirror",
                new org.apache.camel.model.RouteDefinition().from("kafka-mirror:source"))).isFalse();
    }

    private record Relay(CamelContext context, Election leadership) {
    }

    /** The routes by the relay's ids, on timers: what starts them is the election, not what they do. */
    private Relay relay(HaSettings ha) throws Exception {
        return relay(ha, new StandbyRestart());
    }

    private Relay relay(HaSettings ha, StandbyRestart restart) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(ha.memberId());
        CamelClusterService service = ClusterServices.create(ha);
        context.addService(service);
        context.addRoutePolicyFactory(new LeaderOnlyRoutes(service, ha.namespace()));
        Election leadership = new Election(service, ha, restart);
        context.addService(leadership);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:cdc?period=100").routeId("cdc").to("direct:deliver");
                from("timer:heartbeat?period=100").routeId("heartbeat").to("direct:deliver");
                from("direct:deliver").routeId("deliver").log("${body}");
                from("timer:mirror?period=100").routeId("kafka-mirror").log("${body}");
            }
        });
        return new Relay(context, leadership);
    }

    private static ServiceStatus status(CamelContext context, String routeId) {
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        return status == null ? ServiceStatus.Stopped : status;
    }
}
