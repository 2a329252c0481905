package io.cdcrelay.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.RouteDefinition;
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

    private static RouteDefinition deliver() {
        RouteDefinition deliver = new RouteDefinition("direct:deliver").routeId("deliver");
        deliver.process("routeToTopic").process("renderWireFormat").to("sink:changes");
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
        RouteDefinition deliver = new RouteDefinition("direct:deliver").routeId("deliver");
        deliver.removeProperties("*").to("sink:changes");
        assertThat(CaptureRouteCheck.problem(cdc(), routes(deliver), UnaryOperator.identity())).get().asString()
                .startsWith("the route deliver removes the exchange property CdcRelayTicket (removeProperties: *)");

        RouteDefinition excluding = new RouteDefinition("direct:deliver").routeId("deliver");
        excluding.removeProperties("*", "CdcRelay*").to("sink:changes");
        assertThat(CaptureRouteCheck.problem(cdc(), routes(excluding), UnaryOperator.identity())).isEmpty();

        RouteDefinition one = new RouteDefinition("direct:deliver").routeId("deliver");
        one.removeProperty("CdcRelayResumePoint").to("sink:changes");
        assertThat(CaptureRouteCheck.problem(cdc(), routes(one), UnaryOperator.identity())).get().asString()
                .contains("removes the exchange property CdcRelayResumePoint");
    }

    @Test
    void aDirectRouteNotDefinedYetIsTakenOnTrust() {
        assertThat(CaptureRouteCheck.problem(cdc(), routes(), UnaryOperator.identity())).isEmpty();
    }
}
