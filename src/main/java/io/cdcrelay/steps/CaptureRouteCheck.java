package io.cdcrelay.steps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.cdcrelay.acknowledgement.Ticket;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.position.ResumePoint;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RemovePropertiesDefinition;
import org.apache.camel.model.RemovePropertyDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.PatternHelper;

/**
 * Refuses, as each route is created, a route file that would break "a position is saved only after the broker
 * acknowledged everything before it" without a word: a route reading {@code debezium-mysql:} none of whose paths
 * reaches {@code sink:} (directly or through the {@code direct:} routes it calls), since each change would then
 * count as delivered unsent; or a step on those paths that removes the exchange properties carrying each change's
 * position and acknowledgement ({@code CdcRelay*}); or a path to {@code sink:} without the steps that make a
 * message, or with them out of order ({@link RequiredSteps}). The start stops with one sentence naming the route
 * and the fix.
 * Only what the routes' definitions show is judged: a {@code direct:} route not defined yet is taken on trust.
 */
public final class CaptureRouteCheck implements RoutePolicyFactory {

    private static final List<String> BOOKKEEPING = List.of(Ticket.PROPERTY, ResumePoint.PROPERTY,
            ResumePoint.SESSION_PROPERTY);

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode node) {
        if (node instanceof RouteDefinition route && readsBinlog(route)) {
            Function<String, Optional<RouteDefinition>> routes = uri -> context instanceof ModelCamelContext model
                    ? model.getRouteDefinitions().stream().filter(r -> uri.equals(inputUri(r))).findFirst()
                    : Optional.empty();
            problem(route, routes, context::resolvePropertyPlaceholders).ifPresent(why -> {
                throw new SettingsException(why);
            });
        }
        return null;
    }

    /**
     * What is wrong with a binlog route, as the sentence that stops the start; empty when nothing is.
     *
     * @param placeholders resolves {@code {{...}}} in the URI the sentence names
     */
    static Optional<String> problem(RouteDefinition route, Function<String, Optional<RouteDefinition>> routes,
            UnaryOperator<String> placeholders) {
        List<RouteDefinition> reached = new ArrayList<>();
        boolean sinks = walk(route, routes, reached, new HashSet<>());
        for (RouteDefinition r : reached) {
            Optional<String> removes = removedBookkeeping(r.getOutputs());
            if (removes.isPresent()) {
                return Optional.of("the route " + r.getRouteId() + " " + removes.get() + ", which carries each "
                        + "change's binlog position and acknowledgement: remove that step, or exclude CdcRelay* from it.");
            }
        }
        if (!sinks) {
            return Optional.of("the route " + route.getRouteId() + " reads " + placeholders.apply(inputUri(route))
                    + " but none of its "
                    + "paths ends in sink:changes, so every change would count as delivered without being sent: end "
                    + "it in sink:changes, or in a direct: route that does, as routes/cdc.camel.yaml does.");
        }
        return RequiredSteps.problem(route, routes);
    }

    /** Whether a path of {@code route} reaches {@code sink:}; collects the routes it reaches on the way. */
    private static boolean walk(RouteDefinition route, Function<String, Optional<RouteDefinition>> routes,
            List<RouteDefinition> reached, Set<String> seen) {
        reached.add(route);
        boolean sinks = false;
        for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class)) {
            String uri = to.getUri();
            if (uri.startsWith("sink:")) {
                sinks = true;
            } else if (uri.startsWith("direct:") && seen.add(uri)) {
                Optional<RouteDefinition> called = routes.apply(uri);
                // a route not defined yet cannot be judged: taken on trust
                sinks |= called.isEmpty() || walk(called.get(), routes, reached, seen);
            }
        }
        return sinks;
    }

    private static Optional<String> removedBookkeeping(List<ProcessorDefinition<?>> outputs) {
        for (RemovePropertiesDefinition remove : ProcessorDefinitionHelper.filterTypeInOutputs(outputs,
                RemovePropertiesDefinition.class)) {
            for (String property : BOOKKEEPING) {
                if (PatternHelper.matchPattern(property, remove.getPattern())
                        && !excluded(property, remove.getExcludePattern(), remove.getExcludePatterns())) {
                    return Optional.of("removes the exchange property " + property + " (removeProperties: "
                            + remove.getPattern() + ")");
                }
            }
        }
        for (RemovePropertyDefinition remove : ProcessorDefinitionHelper.filterTypeInOutputs(outputs,
                RemovePropertyDefinition.class)) {
            if (BOOKKEEPING.contains(remove.getName())) {
                return Optional.of("removes the exchange property " + remove.getName());
            }
        }
        return Optional.empty();
    }

    /** YAML gives the exclusions as one comma-separated text, the Java DSL as an array. */
    private static boolean excluded(String property, String excludePattern, String[] excludePatterns) {
        List<String> patterns = new ArrayList<>();
        if (excludePattern != null) {
            patterns.addAll(List.of(excludePattern.split(",")));
        }
        if (excludePatterns != null) {
            patterns.addAll(List.of(excludePatterns));
        }
        return patterns.stream().anyMatch(pattern -> PatternHelper.matchPattern(property, pattern.trim()));
    }

    private static boolean readsBinlog(RouteDefinition route) {
        String uri = inputUri(route);
        return uri != null && uri.startsWith("debezium-mysql:");
    }

    private static String inputUri(RouteDefinition route) {
        return route.getInput() == null ? null : route.getInput().getEndpointUri();
    }
}
