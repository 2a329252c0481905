package io.cdcrelay.config;

import java.time.Duration;
import java.util.List;

import io.cdcrelay.config.HaSettings.ClusterService;

/** The keys of the election among the relays of one source. */
public final class HaKeys {

    public static final Setting<ClusterService> CLUSTER_SERVICE = Setting.of("relay.ha.cluster-service",
            Parser.choice(ClusterService.class), "none",
            "none, or the Camel cluster service that elects the relay reading the binlog: file, kubernetes, zookeeper");
    public static final Setting<String> NAMESPACE = Setting.optional("relay.ha.namespace",
            Parser.matching("[A-Za-z0-9_.-]{1,63}", "1 to 63 letters, digits, '.', '_' or '-'"), "relay.source.name",
            "the election's name, shared by the relays of one source");
    public static final Setting<String> MEMBER_ID = Setting.optional("relay.ha.member-id",
            Parser.matching("[A-Za-z0-9_.:-]{1,253}", "up to 253 letters, digits, '.', ':', '_' or '-'"),
            "host name and process id (Kubernetes: the pod's name)", "this relay's name in the election");
    public static final Setting<String> FILE_ROOT = Setting.optional("relay.ha.file.root", Parser.text(),
            "<relay.data-dir>/ha", "file: the shared folder of the lock and heartbeat files");
    public static final Setting<Duration> FILE_INTERVAL = Setting.of("relay.ha.file.interval", Parser.duration(), "2s",
            "file: how often the leader writes its heartbeat");
    public static final Setting<Integer> FILE_MISSED = Setting.of("relay.ha.file.missed-heartbeats", Parser.integer(2, 100),
            "3", "file: heartbeats missed before a standby takes over");
    public static final Setting<String> K8S_NAMESPACE = Setting.optional("relay.ha.kubernetes.namespace", Parser.text(),
            "the pod's namespace", "kubernetes: where the Lease and the pods are");
    public static final Setting<String> K8S_LEASE_NAME = Setting.of("relay.ha.kubernetes.lease-name", Parser.text(),
            "cdc-relay", "kubernetes: the Lease's prefix (<lease-name>-<relay.ha.namespace>)");
    public static final Setting<List<String>> K8S_LABELS = Setting.optional("relay.ha.kubernetes.labels", Parser.list(),
            "every pod", "kubernetes: the relays' pod labels, name=value pairs");
    public static final Setting<String> K8S_MASTER_URL = Setting.optional("relay.ha.kubernetes.master-url", Parser.text(),
            "in-cluster", "kubernetes: the API server");
    public static final Setting<Duration> K8S_LEASE_DURATION = Setting.of("relay.ha.kubernetes.lease-duration",
            Parser.duration(), "8s", "kubernetes: how long a Lease holds");
    public static final Setting<Duration> K8S_RENEW_DEADLINE = Setting.of("relay.ha.kubernetes.renew-deadline",
            Parser.duration(), "6s", "kubernetes: by when a leader must have renewed its Lease");
    public static final Setting<Duration> K8S_RETRY_PERIOD = Setting.of("relay.ha.kubernetes.retry-period",
            Parser.duration(), "2s", "kubernetes: how often the pods look");
    public static final Setting<String> ZK_CONNECT = Setting.optional("relay.ha.zookeeper.connect", Parser.text(), "—",
            "zookeeper: the ensemble");
    public static final Setting<String> ZK_BASE_PATH = Setting.of("relay.ha.zookeeper.base-path",
            Parser.matching("(/[^/\\s]+)+", "an absolute path without a trailing '/', for example /cdc-relay"),
            "/cdc-relay", "zookeeper: the parent node of the elections");
    public static final Setting<Duration> ZK_SESSION_TIMEOUT = Setting.of("relay.ha.zookeeper.session-timeout",
            Parser.duration(), "10s", "zookeeper: after how long a dead leader's session, and lead, ends");

    public static final List<Setting<?>> ALL = List.of(CLUSTER_SERVICE, NAMESPACE, MEMBER_ID, FILE_ROOT, FILE_INTERVAL,
            FILE_MISSED, K8S_NAMESPACE, K8S_LEASE_NAME, K8S_LABELS, K8S_MASTER_URL, K8S_LEASE_DURATION,
            K8S_RENEW_DEADLINE, K8S_RETRY_PERIOD, ZK_CONNECT, ZK_BASE_PATH, ZK_SESSION_TIMEOUT);

    private HaKeys() {
    }
}
