package io.cdcrelay.steps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.OutputNode;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;

/**
 * The steps without which a binlog route cannot send a change, and the order they need: each reads what the one
 * before it set on the message. {@link CaptureRouteCheck} refuses a route file that leaves one out or swaps two,
 * naming the step, rather than failing every change at run time.
 */
final class RequiredSteps {

    /** A required step's bean name and what it does. */
    private record Step(String name, String does) {
    }

    /** In the order they must run. */
    private static final List<Step> IN_ORDER = List.of(
            new Step("toChangeEvent", "turns Debezium's record into the change every later step reads"),
            new Step("routeToTopic", "chooses the change's topic"),
            new Step("partitionByKey", "chooses its message key and partition in that topic"),
            new Step("renderWireFormat", "writes the message value in relay.format"));
    private static final String ORDER = String.join(", ", IN_ORDER.stream().map(Step::name).toList())
            + ", then sink:changes";

    /** The step that hands changes to a partition's thread: it needs the partition. */
    private static final String LANE = "partitionLane";
    private static final String SINK = "sink:";
    /** The column steps: they must rewrite a change before its key is made of its columns. */
    private static final String COLUMNS = "columns:";

    private RequiredSteps() {
    }

    /**
     * What is missing or out of order on the way from {@code route} to {@code sink:}, as the sentence that stops
     * the start; empty when nothing is.
     *
     * @param routes the route a {@code direct:} URI starts, when defined
     */
    static Optional<String> problem(RouteDefinition route, Function<String, Optional<RouteDefinition>> routes) {
        List<String> steps = new ArrayList<>();
        collect(route.getOutputs(), routes, steps, new HashSet<>());
        int sink = steps.indexOf(SINK);
        if (sink < 0) {
            return Optional.empty();
        }
        List<String> before = steps.subList(0, sink);
        String previous = null;
        for (Step step : IN_ORDER) {
            String name = step.name();
            if (!before.contains(name)) {
                return Optional.of("the route " + route.getRouteId() + " reaches sink:changes without the step "
                        + name + ", which " + step.does() + ": put \"- process: {ref: " + name + "}\" back in "
                        + "the order of routes/cdc.camel.yaml (" + ORDER + ").");
            }
            if (previous != null && before.indexOf(name) < before.indexOf(previous)) {
                return Optional.of(outOfOrder(route, name, previous));
            }
            previous = name;
        }
        if (before.contains(LANE) && before.indexOf(LANE) < before.indexOf("partitionByKey")) {
            return Optional.of(outOfOrder(route, LANE, "partitionByKey"));
        }
        int key = before.indexOf("partitionByKey");
        for (String step : before.subList(key, before.size())) {
            if (step.startsWith(COLUMNS)) {
                return Optional.of("the route " + route.getRouteId() + " runs the step " + step + " after "
                        + "partitionByKey, which already made the message key of the columns as they were: put it "
                        + "before partitionByKey, right after toChangeEvent's filter as README.md shows.");
            }
        }
        return Optional.empty();
    }

    private static String outOfOrder(RouteDefinition route, String early, String needed) {
        return "the route " + route.getRouteId() + " runs the step " + early + " before " + needed + ", whose "
                + "result it needs: keep the order of routes/cdc.camel.yaml (" + ORDER + ").";
    }

    /** The process steps' names and {@code sink:} in document order, into the {@code direct:} routes called. */
    private static void collect(List<ProcessorDefinition<?>> outputs,
            Function<String, Optional<RouteDefinition>> routes, List<String> steps, Set<String> seen) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof ProcessDefinition process && process.getRef() != null) {
                steps.add(process.getRef());
            } else if (output instanceof ToDefinition to && to.getUri() != null) {
                if (to.getUri().startsWith(SINK)) {
                    steps.add(SINK);
                } else if (to.getUri().startsWith(COLUMNS)) {
                    steps.add(to.getUri());
                } else if (to.getUri().startsWith("direct:") && seen.add(to.getUri())) {
                    routes.apply(to.getUri()).ifPresent(r -> collect(r.getOutputs(), routes, steps, seen));
                }
            }
            if (output instanceof ChoiceDefinition choice) {
                // a choice keeps its branches apart from its outputs
                choice.getWhenClauses().forEach(when -> collect(when.getOutputs(), routes, steps, seen));
                if (choice.getOtherwise() != null) {
                    collect(choice.getOtherwise().getOutputs(), routes, steps, seen);
                }
            } else if (output instanceof OutputNode) {
                collect(output.getOutputs(), routes, steps, seen);
            }
        }
    }
}
