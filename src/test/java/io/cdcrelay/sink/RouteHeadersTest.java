package io.cdcrelay.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouteHeadersTest {

    private static final Map<String, String> RELAY = Map.of("relay.table", "orders");

    @Test
    void aRouteHeaderIsAddedAsTextAfterTheRelaysOwn() {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("region", "eu");
        route.put("amount", 12);
        route.put("raw", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(RouteHeaders.merged(RELAY, route)).containsExactly(Map.entry("relay.table", "orders"),
                Map.entry("region", "eu"), Map.entry("amount", "12"), Map.entry("raw", "x"));
    }

    @Test
    void camelsOwnHeadersAndNullValuesStayInTheRoute() {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("CamelTimerFiredTime", 1L);
        route.put("camelFoo", "x");
        route.put("gone", null);

        assertThat(RouteHeaders.merged(RELAY, route)).isSameAs(RELAY);
    }

    @Test
    void aRouteHeaderNamedLikeARelayHeaderReplacesIt() {
        assertThat(RouteHeaders.merged(RELAY, Map.of("relay.table", "orders_v2")))
                .containsExactly(Map.entry("relay.table", "orders_v2"));
    }
}
