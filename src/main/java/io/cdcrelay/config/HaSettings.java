package io.cdcrelay.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code relay.ha.*}: which Camel cluster service elects the one relay of a source that reads the binlog, and how.
 * {@code file}, {@code kubernetes} and {@code zookeeper} are each set only when chosen; {@code none} keeps the
 * relay alone, as before.
 *
 * @param namespace the election's name, shared by the relays of one source: {@code relay.source.name} unless set
 * @param memberId  this relay's name in the election, shown by {@code /status} of the others
 */
public record HaSettings(ClusterService service, String namespace, String memberId, FileLock file,
        Kubernetes kubernetes, ZooKeeper zookeeper) {

    /** {@code relay.ha.cluster-service}. */
    public enum ClusterService {
        NONE, FILE, KUBERNETES, ZOOKEEPER;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Camel's {@code FileLockClusterService}: a lock file and a heartbeat file under {@code root}.
     *
     * @param interval         how often the leader writes its heartbeat and the others read it
     * @param missedHeartbeats heartbeats the others miss before they take the lock over
     */
    public record FileLock(Path root, Duration interval, int missedHeartbeats) {
    }

    /**
     * Camel's {@code KubernetesClusterService} on a {@code coordination.k8s.io} Lease named
     * {@code <leaseName>-<namespace>}.
     *
     * @param kubernetesNamespace where the Lease and the relay's pods are; empty: the pod's own namespace
     * @param labels              the labels of the relay's pods (only ready pods of these may lead); empty: every pod
     * @param masterUrl           the API server; empty: the in-cluster configuration (service account)
     */
    public record Kubernetes(Optional<String> kubernetesNamespace, String leaseName, Map<String, String> labels,
            Optional<String> masterUrl, Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    }

    /** Camel's {@code ZooKeeperClusterService}: a Curator leader selector under {@code basePath}. */
    public record ZooKeeper(String connect, String basePath, Duration sessionTimeout) {
    }

    private static final String KEY = HaKeys.CLUSTER_SERVICE.key();
    /** Kubernetes object names: lower-case DNS subdomains. */
    private static final String DNS_NAME = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";
    /** The JVM's jitter on the retry period, Camel's default: the renew deadline must exceed it. */
    private static final double KUBERNETES_JITTER = 1.2;

    public boolean enabled() {
        return service != ClusterService.NONE;
    }

    static HaSettings from(PropertyReader r, boolean cdcEnabled, String sourceName, Path dataDir) {
        ClusterService service = r.get(HaKeys.CLUSTER_SERVICE);
        refuseKeysOfOtherServices(r, service);
        if (service == ClusterService.NONE) {
            return new HaSettings(service, sourceName, "", null, null, null);
        }
        if (!cdcEnabled) {
            throw new SettingsException(KEY + "=" + service.value() + " elects the relay that reads the binlog, and "
                    + "relay.cdc.enabled=false reads none: remove " + KEY + " (mirror relays share the source "
                    + "partitions through relay.mirror.group-id without an election).");
        }
        String namespace = r.find(HaKeys.NAMESPACE).orElse(sourceName);
        if (!namespace.matches("[A-Za-z0-9_.-]{1,63}")) {
            throw new SettingsException("relay.source.name=" + namespace + " cannot name the election: set "
                    + "relay.ha.namespace to 1 to 63 letters, digits, '.', '_' or '-'.");
        }
        String memberId = r.find(HaKeys.MEMBER_ID).orElseGet(() -> defaultMemberId(service));
        return switch (service) {
            case FILE -> new HaSettings(service, namespace, memberId, fileLock(r, dataDir), null, null);
            case KUBERNETES -> new HaSettings(service, namespace, memberId, null, kubernetes(r, namespace), null);
            case ZOOKEEPER -> new HaSettings(service, namespace, memberId, null, null, zooKeeper(r));
            case NONE -> throw new IllegalStateException();
        };
    }

    /**
     * A key of another cluster service than the chosen one would silently do nothing, and an operator who set
     * {@code relay.ha.file.root} but forgot {@code relay.ha.cluster-service} would run two readers believing in one.
     */
    private static void refuseKeysOfOtherServices(PropertyReader r, ClusterService service) {
        for (ClusterService other : List.of(ClusterService.FILE, ClusterService.KUBERNETES, ClusterService.ZOOKEEPER)) {
            String prefix = "relay.ha." + other.value() + ".";
            if (other != service) {
                r.withPrefix(prefix).keySet().stream().findFirst().ifPresent(key -> {
                    throw new SettingsException(prefix + key + " has no effect with " + KEY + "=" + service.value()
                            + ": set " + KEY + "=" + other.value() + ", or remove it.");
                });
            }
        }
        if (service == ClusterService.NONE) {
            for (String key : List.of(HaKeys.NAMESPACE.key(), HaKeys.MEMBER_ID.key())) {
                r.optional(key).ifPresent(v -> {
                    throw new SettingsException(key + " has no effect with " + KEY + "=none: choose a cluster "
                            + "service (file, kubernetes or zookeeper), or remove it.");
                });
            }
        }
    }

    /**
     * With the defaults a dead leader's heartbeat is 6 s old when the others notice (3 missed of 2 s) and the
     * lock is taken at the next look, so a takeover starts within about 8 s of the leader's death.
     */
    private static FileLock fileLock(PropertyReader r, Path dataDir) {
        Path root = r.find(HaKeys.FILE_ROOT).map(Path::of).orElse(dataDir.resolve("ha"));
        Duration interval = r.get(HaKeys.FILE_INTERVAL);
        if (interval.toMillis() < 100) {
            throw new SettingsException("relay.ha.file.interval=" + interval.toMillis() + "ms is too short for a file"
                    + " heartbeat: use 100ms or more, for example 2s.");
        }
        int missed = r.get(HaKeys.FILE_MISSED);
        return new FileLock(root, interval, missed);
    }

    private static Kubernetes kubernetes(PropertyReader r, String namespace) {
        String leaseName = r.get(HaKeys.K8S_LEASE_NAME);
        String lease = leaseName + "-" + namespace;
        if (!lease.matches(DNS_NAME) || lease.length() > 253) {
            throw new SettingsException("the Kubernetes Lease " + lease + " (relay.ha.kubernetes.lease-name, a dash, "
                    + "relay.ha.namespace) is not a Kubernetes name: use lower-case letters, digits, '-' and '.' in "
                    + "both.");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : r.find(HaKeys.K8S_LABELS).orElse(List.of())) {
            String[] kv = label.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new SettingsException("relay.ha.kubernetes.labels contains " + label + ", which is not a label:"
                        + " write name=value pairs separated by commas, for example app=cdc-relay.");
            }
            labels.put(kv[0].trim(), kv[1].trim());
        }
        Duration lease0 = r.get(HaKeys.K8S_LEASE_DURATION);
        Duration renew = r.get(HaKeys.K8S_RENEW_DEADLINE);
        Duration retry = r.get(HaKeys.K8S_RETRY_PERIOD);
        if (retry.isZero()) {
            throw new SettingsException("relay.ha.kubernetes.retry-period=0 would ask Kubernetes without pause: use a "
                    + "period such as 2s.");
        }
        if (lease0.compareTo(renew) <= 0) {
            throw new SettingsException("relay.ha.kubernetes.lease-duration (" + lease0.toMillis() + "ms) must be "
                    + "longer than relay.ha.kubernetes.renew-deadline (" + renew.toMillis() + "ms), or two pods could "
                    + "lead at once: raise the first or lower the second.");
        }
        if (renew.toMillis() <= KUBERNETES_JITTER * retry.toMillis()) {
            throw new SettingsException("relay.ha.kubernetes.renew-deadline (" + renew.toMillis() + "ms) must be "
                    + "longer than 1.2 times relay.ha.kubernetes.retry-period (" + retry.toMillis() + "ms), or a "
                    + "leader could not renew in time: raise the first or lower the second.");
        }
        return new Kubernetes(r.find(HaKeys.K8S_NAMESPACE), leaseName, Map.copyOf(labels),
                r.find(HaKeys.K8S_MASTER_URL), lease0, renew, retry);
    }

    private static ZooKeeper zooKeeper(PropertyReader r) {
        String connect = r.require(HaKeys.ZK_CONNECT, "name the ZooKeeper ensemble the relays elect their leader "
                + "in, for example relay.ha.zookeeper.connect=zk-1:2181,zk-2:2181");
        return new ZooKeeper(connect, r.get(HaKeys.ZK_BASE_PATH), r.get(HaKeys.ZK_SESSION_TIMEOUT));
    }

    /**
     * On Kubernetes a member is known by its pod's name, which is the container's host name. Elsewhere the host
     * name alone would give two relays of one host the same name, so the process id is added.
     */
    private static String defaultMemberId(ClusterService service) {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "relay";
            }
        });
        return service == ClusterService.KUBERNETES ? host : host + "-" + ProcessHandle.current().pid();
    }
}
