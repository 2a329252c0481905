package io.cdcrelay.ha;

import java.util.concurrent.TimeUnit;

import io.cdcrelay.config.HaSettings;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;

/** The Camel cluster service {@code relay.ha.cluster-service} names, configured from {@code relay.ha.*}. */
public final class ClusterServices {

    /** How long a relay that finds the lock files of a running election waits before its first look. */
    private static final long FILE_FIRST_LOOK_SECONDS = 1;

    private ClusterServices() {
    }

    /** @return a service not yet added to a Camel context; its id is {@code relay.ha.member-id} */
    public static CamelClusterService create(HaSettings ha) {
        CamelClusterService service = switch (ha.service()) {
            case FILE -> file(ha.file());
            case KUBERNETES -> kubernetes(ha.kubernetes(), ha.memberId());
            case ZOOKEEPER -> zooKeeper(ha.zookeeper());
            case NONE -> throw new IllegalArgumentException("relay.ha.cluster-service=none elects nobody");
        };
        service.setId(ha.memberId());
        return service;
    }

    private static FileLockClusterService file(HaSettings.FileLock file) {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(file.root().toAbsolutePath().toString());
        service.setAcquireLockDelay(FILE_FIRST_LOOK_SECONDS, TimeUnit.SECONDS);
        service.setAcquireLockInterval(file.interval().toMillis(), TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(file.missedHeartbeats());
        return service;
    }

    private static KubernetesClusterService kubernetes(HaSettings.Kubernetes k8s, String podName) {
        // Camel applies a master URL only to a configuration given to the constructor
        KubernetesConfiguration client = new KubernetesConfiguration();
        k8s.masterUrl().ifPresent(client::setMasterUrl);
        KubernetesClusterService service = new KubernetesClusterService(client);
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setKubernetesResourceName(k8s.leaseName());
        k8s.kubernetesNamespace().ifPresent(service::setKubernetesResourcesNamespace);
        service.setClusterLabels(k8s.labels());
        service.setPodName(podName);
        service.setLeaseDurationMillis(k8s.leaseDuration().toMillis());
        service.setRenewDeadlineMillis(k8s.renewDeadline().toMillis());
        service.setRetryPeriodMillis(k8s.retryPeriod().toMillis());
        return service;
    }

    private static ZooKeeperClusterService zooKeeper(HaSettings.ZooKeeper zk) {
        ZooKeeperClusterService service = new ZooKeeperClusterService();
        service.setNodes(zk.connect());
        service.setBasePath(zk.basePath());
        service.setSessionTimeout(zk.sessionTimeout().toMillis());
        return service;
    }
}
