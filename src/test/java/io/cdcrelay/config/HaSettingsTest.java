package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class HaSettingsTest {

    @Test
    void withoutAClusterServiceTheRelayStandsAlone() {
        HaSettings ha = RelaySettings.from(minimal()).ha();
        assertThat(ha.enabled()).isFalse();
        assertThat(ha.service()).isEqualTo(HaSettings.ClusterService.NONE);
    }

    @Test
    void theFileServiceLocksUnderTheDataDirectoryInTheSourcesNameAndTakesOverWithinSeconds() {
        Properties p = minimal();
        p.setProperty("relay.ha.cluster-service", "file");
        p.setProperty("relay.source.name", "shop");
        p.setProperty("relay.data-dir", "/var/lib/relay");
        HaSettings ha = RelaySettings.from(p).ha();
        assertThat(ha.enabled()).isTrue();
        assertThat(ha.namespace()).isEqualTo("shop");
        assertThat(ha.memberId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(ha.file().root()).isEqualTo(Path.of("/var/lib/relay/ha"));
        assertThat(ha.file().interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ha.file().missedHeartbeats()).isEqualTo(3);
        // a dead leader's heartbeat is stale after interval x missed, and the lock is taken at the next look
        assertThat(ha.file().interval().multipliedBy(ha.file().missedHeartbeats() + 1)).isLessThan(Duration.ofSeconds(15));
        assertThat(ha.kubernetes()).isNull();
        assertThat(ha.zookeeper()).isNull();
    }

    @Test
    void everyFileKeyIsRead() {
        Properties p = minimal();
        p.setProperty("relay.ha.cluster-service", "file");
        p.setProperty("relay.ha.namespace", "shop-ha");
        p.setProperty("relay.ha.member-id", "relay-a");
        p.setProperty("relay.ha.file.root", "/shared/locks");
        p.setProperty("relay.ha.file.interval", "500ms");
        p.setProperty("relay.ha.file.missed-heartbeats", "5");
        HaSettings ha = RelaySettings.from(p).ha();
        assertThat(ha.namespace()).isEqualTo("shop-ha");
        assertThat(ha.memberId()).isEqualTo("relay-a");
        assertThat(ha.file()).isEqualTo(new HaSettings.FileLock(Path.of("/shared/locks"), Duration.ofMillis(500), 5));
    }

    @Test
    void kubernetesLeasesAreNamedAfterTheNamespaceAndExpireSoonEnoughForAQuickTakeover() {
        Properties p = minimal();
        p.setProperty("relay.ha.cluster-service", "kubernetes");
        p.setProperty("relay.source.name", "shop");
        p.setProperty("relay.ha.member-id", "relay-0");
        HaSettings ha = RelaySettings.from(p).ha();
        assertThat(ha.memberId()).isEqualTo("relay-0");
        assertThat(ha.kubernetes()).isEqualTo(new HaSettings.Kubernetes(Optional.empty(), "cdc-relay", Map.of(),
                Optional.empty(), Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofSeconds(2)));

        p.setProperty("relay.ha.kubernetes.namespace", "data");
        p.setProperty("relay.ha.kubernetes.lease-name", "relays");
        p.setProperty("relay.ha.kubernetes.labels", "app=cdc-relay, tier=cdc");
        p.setProperty("relay.ha.kubernetes.master-url", "https://kubernetes.default.svc");
        p.setProperty("relay.ha.kubernetes.lease-duration", "20s");
        p.setProperty("relay.ha.kubernetes.renew-deadline", "15s");
        p.setProperty("relay.ha.kubernetes.retry-period", "5s");
        assertThat(RelaySettings.from(p).ha().kubernetes()).isEqualTo(new HaSettings.Kubernetes(Optional.of("data"),
                "relays", Map.of("app", "cdc-relay", "tier", "cdc"), Optional.of("https://kubernetes.default.svc"),
                Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofSeconds(5)));
    }

    @Test
    void zooKeeperNeedsItsEnsemble() {
        Properties p = minimal();
        p.setProperty("relay.ha.cluster-service", "zookeeper");
        assertThatThrownBy(() -> RelaySettings.from(p)).hasMessage("relay.ha.zookeeper.connect is not set: name the "
                + "ZooKeeper ensemble the relays elect their leader in, for example "
                + "relay.ha.zookeeper.connect=zk-1:2181,zk-2:2181.");
        p.setProperty("relay.ha.zookeeper.connect", "zk-1:2181,zk-2:2181");
        assertThat(RelaySettings.from(p).ha().zookeeper()).isEqualTo(new HaSettings.ZooKeeper("zk-1:2181,zk-2:2181",
                "/cdc-relay", Duration.ofSeconds(10)));
    }

    @Test
    void wrongHighAvailabilitySettingsAreRefusedWithOneSentenceNamingTheKey() {
        assertRefused(Map.of("relay.ha.cluster-service", "etcd"),
                "relay.ha.cluster-service=etcd is not valid: use one of none, file, kubernetes, zookeeper.");
        assertRefused(Map.of("relay.ha.cluster-service", "file", "relay.cdc.enabled", "false",
                "relay.mirror.enabled", "true", "relay.mirror.source.bootstrap-servers", "a:9092",
                "relay.mirror.destination.bootstrap-servers", "b:9092", "relay.mirror.topics", "t"),
                "relay.ha.cluster-service=file elects the relay that reads the binlog, and relay.cdc.enabled=false "
                        + "reads none: remove relay.ha.cluster-service (mirror relays share the source partitions "
                        + "through relay.mirror.group-id without an election).");
        assertRefused(Map.of("relay.ha.file.root", "/shared"), "relay.ha.file.root has no effect with "
                + "relay.ha.cluster-service=none: set relay.ha.cluster-service=file, or remove it.");
        assertRefused(Map.of("relay.ha.cluster-service", "file", "relay.ha.zookeeper.connect", "zk:2181"),
                "relay.ha.zookeeper.connect has no effect with relay.ha.cluster-service=file: set "
                        + "relay.ha.cluster-service=zookeeper, or remove it.");
        assertRefused(Map.of("relay.ha.namespace", "shop"), "relay.ha.namespace has no effect with "
                + "relay.ha.cluster-service=none: choose a cluster service (file, kubernetes or zookeeper), or remove it.");
        assertRefused(Map.of("relay.ha.cluster-service", "file", "relay.ha.namespace", "a/b"),
                "relay.ha.namespace=a/b is not valid: use 1 to 63 letters, digits, '.', '_' or '-'.");
        assertRefused(Map.of("relay.ha.cluster-service", "file", "relay.ha.member-id", "relay a"),
                "relay.ha.member-id=relay a is not valid: use up to 253 letters, digits, '.', ':', '_' or '-'.");
        assertRefused(Map.of("relay.ha.cluster-service", "file", "relay.ha.file.interval", "50ms"),
                "relay.ha.file.interval=50ms is too short for a file heartbeat: use 100ms or more, for example 2s.");
        assertRefused(Map.of("relay.ha.cluster-service", "file", "relay.ha.file.missed-heartbeats", "1"),
                "relay.ha.file.missed-heartbeats=1 is not valid: use a whole number from 2 to 100.");
        assertRefused(Map.of("relay.ha.cluster-service", "kubernetes", "relay.source.name", "Shop_DB"),
                "the Kubernetes Lease cdc-relay-Shop_DB (relay.ha.kubernetes.lease-name, a dash, relay.ha.namespace)"
                        + " is not a Kubernetes name: use lower-case letters, digits, '-' and '.' in both.");
        assertRefused(Map.of("relay.ha.cluster-service", "kubernetes", "relay.ha.kubernetes.labels", "app"),
                "relay.ha.kubernetes.labels contains app, which is not a label: write name=value pairs separated by "
                        + "commas, for example app=cdc-relay.");
        assertRefused(Map.of("relay.ha.cluster-service", "kubernetes", "relay.ha.kubernetes.lease-duration", "5s"),
                "relay.ha.kubernetes.lease-duration (5000ms) must be longer than relay.ha.kubernetes.renew-deadline "
                        + "(6000ms), or two pods could lead at once: raise the first or lower the second.");
        assertRefused(Map.of("relay.ha.cluster-service", "kubernetes", "relay.ha.kubernetes.retry-period", "5s"),
                "relay.ha.kubernetes.renew-deadline (6000ms) must be longer than 1.2 times "
                        + "relay.ha.kubernetes.retry-period (5000ms), or a leader could not renew in time: raise the "
                        + "first or lower the second.");
        assertRefused(Map.of("relay.ha.cluster-service", "zookeeper", "relay.ha.zookeeper.connect", "zk:2181",
                "relay.ha.zookeeper.base-path", "relays/"), "relay.ha.zookeeper.base-path=relays/ is not valid: use an "
                + "absolute path without a trailing '/', for example /cdc-relay.");
    }

    @Test
    void highAvailabilityKeysHaveEnvironmentVariables() {
        Properties p = new EnvironmentVariables(Map.of("RELAY_HA_CLUSTER_SERVICE", "file",
                "RELAY_HA_FILE_MISSED_HEARTBEATS", "4", "RELAY_HA_KUBERNETES_LEASE_NAME", "x")).settings();
        assertThat(p).containsEntry("relay.ha.cluster-service", "file")
                .containsEntry("relay.ha.file.missed-heartbeats", "4")
                .containsEntry("relay.ha.kubernetes.lease-name", "x");
    }

    private static void assertRefused(Map<String, String> settings, String sentence) {
        Properties p = minimal();
        p.putAll(settings);
        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class).hasMessage(sentence);
    }

    private static Properties minimal() {
        return RelaySettingsTest.minimal();
    }
}
