package io.cdcrelay.ha;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Puts the routes that read the binlog or speak for it under Camel's {@link ClusteredRoutePolicy}: they start only
 * on the relay the cluster service elects and stop when it loses the election. Applied by the relay itself rather
 * than written in the YAML, so a route file a user edited cannot leave a binlog reader outside the election.
 *
 * <p>Which routes: {@code cdc} and {@code heartbeat} by id, and any route that reads from {@code debezium-mysql:}.
 * The {@code deliver} route, fed only by those, and the mirror and HTTP routes start everywhere.
 */
public final class LeaderOnlyRoutes implements RoutePolicyFactory {

    static final Set<String> IDS = Set.of("cdc", "heartbeat");

    private final CamelClusterService service;
    private final String namespace;

    public LeaderOnlyRoutes(CamelClusterService service, String namespace) {
        this.service = service;
        this.namespace = namespace;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        if (!leaderOnly(routeId, route)) {
            return null;
        }
        try {
            ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(service, namespace);
            policy.setCamelContext(context);
            return policy;
        } catch (Exception e) {
            throw new RuntimeCamelException(e);
        }
    }

    static boolean leaderOnly(String routeId, NamedNode route) {
        if (IDS.contains(routeId)) {
            return true;
        }
        return route instanceof RouteDefinition definition && definition.getInput() != null
                && definition.getInput().getEndpointUri() != null
                && definition.getInput().getEndpointUri().startsWith("debezium-mysql:");
    }
}
