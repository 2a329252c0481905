package io.cdcrelay;

import java.util.Optional;

import io.cdcrelay.config.HaSettings;
import io.cdcrelay.ha.ClusterServices;
import io.cdcrelay.ha.LeaderOnlyRoutes;
import io.cdcrelay.ha.Election;
import io.cdcrelay.ha.StandbyRestart;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;

/** {@code relay.ha.*}: the cluster service, the policy of the binlog routes, and this relay's leadership. */
final class HaBeans {

    private HaBeans() {
    }

    /** Before the routes are added, which the policy factory must see. @return empty with {@code none} */
    static Optional<Election> bind(CamelContext context, HaSettings ha, StandbyRestart restart) throws Exception {
        if (!ha.enabled()) {
            return Optional.empty();
        }
        CamelClusterService service = ClusterServices.create(ha);
        context.addService(service);
        context.addRoutePolicyFactory(new LeaderOnlyRoutes(service, ha.namespace()));
        Election leadership = new Election(service, ha, restart);
        context.addService(leadership);
        return Optional.of(leadership);
    }
}
