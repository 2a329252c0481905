package io.cdcrelay.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.RemovePropertiesDefinition;
import org.apache.camel.model.RemovePropertyDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.Test;

class CaptureRouteCheckTest {

    /** The shape of routes/cdc.camel.yaml: a choice whose branches split or go straight to direct:deliver. */
    private static RouteDefinition cdc() {
        RouteDefinition cdc = new RouteDefinition("debezium-mysql:relay").routeId("cdc");
        ChoiceDefinition choice = cdc.process("toChangeEvent").filter().simple("${body} != null").choice();
        choice.when().simple("${body} is 'java.util.List'").split().simple("${body}").to("direct:deliver");
        choice.otherwise().to("direct:deliver");
        return cdc;
    }

    /** The shipped deliver route's required steps, then {@code sink:changes}. */
    private static RouteDefinition deliver() {
        return deliver("routeToTopic", "partitionByKey", "partitionLane", "renderWireFormat");
    }

    private static RouteDefinition deliver(String... steps) {
        RouteDefinition deliver = new RouteDefinition("direct:deliver").routeId("deliver");
        for (String step : steps) {
            deliver.process(step);
        }
        deliver.to("sink:changes");
        return deliver;
    }

    private static Function<String, Optional<RouteDefinition>> routes(RouteDefinition... defined) {
        return uri -> java.util.Arrays.stream(defined).filter(r -> uri.equals(r.getInput().getEndpointUri()))
                .findFirst();
    }

    @Test
    void theShippedShapeReachesTheSinkThroughDirectDeliver() {
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver()), UnaryOperator.identity())).isEmpty();
    }

    @Test
    void aBinlogRouteThatNeverReachesTheSinkIsRefused() {
        RouteDefinition elsewhere = new RouteDefinition("direct:deliver").routeId("deliver");
        elsewhere.process("renderWireFormat").to("log:changes");
        assertThat(CaptureRouteCheck.problem(cdc(), routes(elsewhere), UnaryOperator.identity())).contains(
                "the route cdc reads "
                + "debezium-mysql:relay but none of its paths ends in sink:changes, so every change would count as "
                + "delivered without being sent: end it in sink:changes, or in a direct: route that does, as "
                + "routes/cdc.camel.yaml does.");
    }

    @Test
    void aStepRemovingTheRelaysExchangePropertiesIsRefused() {
        RouteDefinition deliver = deliver();
        deliver.getOutputs().add(0, new RemovePropertiesDefinition("*"));
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver), UnaryOperator.identity())).get().asString()
                .startsWith("the route deliver removes the exchange property CdcRelayTicket (removeProperties: *)");

        RouteDefinition excluding = deliver();
        excluding.getOutputs().add(0, new RemovePropertiesDefinition("*", "CdcRelay*"));
        assertThat(CaptureRouteCheck.problem(cdc(), routes(excluding), UnaryOperator.identity())).isEmpty();

        RouteDefinition one = deliver();
        one.getOutputs().add(0, new RemovePropertyDefinition("CdcRelayResumePoint"));
        assertThat(CaptureRouteCheck.problem(cdc(), routes(one), UnaryOperator.identity())).get().asString()
                .contains("removes the exchange property CdcRelayResumePoint");
    }

    @Test
    void aPathToTheSinkWithoutARequiredStepIsRefusedNamingIt() {
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver("routeToTopic", "renderWireFormat")),
                UnaryOperator.identity())).contains("the route cdc reaches sink:changes without the step "
                        + "partitionByKey, which chooses its message key and partition in that topic: put \"- process: "
                        + "{ref: partitionByKey}\" back in the order of routes/cdc.camel.yaml (toChangeEvent, "
                        + "routeToTopic, partitionByKey, renderWireFormat, then sink:changes).");
    }

    @Test
    void requiredStepsOutOfOrderAreRefusedNamingTheEarlyOne() {
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver("partitionByKey", "routeToTopic",
                "renderWireFormat")), UnaryOperator.identity())).contains("the route cdc runs the step partitionByKey "
                        + "before routeToTopic, whose result it needs: keep the order of routes/cdc.camel.yaml "
                        + "(toChangeEvent, routeToTopic, partitionByKey, renderWireFormat, then sink:changes).");
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver("routeToTopic", "partitionLane",
                "partitionByKey", "renderWireFormat")), UnaryOperator.identity())).get().asString()
                .contains("runs the step partitionLane before partitionByKey");
    }

    @Test
    void userStepsBetweenTheRequiredOnesAreWelcome() {
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver("maskCards", "routeToTopic", "addRegion",
                "partitionByKey", "renderWireFormat", "audit")), UnaryOperator.identity())).isEmpty();
    }

    @Test
    void aColumnStepAfterTheKeyWasMadeIsRefused() {
        RouteDefinition deliver = deliver();
        deliver.getOutputs().add(2, new ToDefinition("columns:mask"));
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver), UnaryOperator.identity())).get().asString()
                .startsWith("the route cdc runs the step columns:mask after partitionByKey, which already made the "
                        + "message key of the columns as they were");

        RouteDefinition early = deliver();
        early.getOutputs().add(0, new ToDefinition("columns:mask"));
        assertThat(CaptureRouteCheck.problem(cdc(), routes(early), UnaryOperator.identity())).isEmpty();
    }

    @Test
    void aDirectRouteNotDefinedYetIsTakenOnTrust() {
        assertThat(CaptureRouteCheck.problem(cdc(), routes(), UnaryOperator.identity())).isEmpty();
    }
}
