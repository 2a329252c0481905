package io.cdcrelay.sink;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers a route's steps set on the Camel message ({@code setHeader}), added to what the message carries:
 * Kafka headers and RocketMQ user properties, as text. Camel's own headers ({@code Camel…}) stay in the route. A
 * route header named like one of the relay's ({@code relay.table}) replaces it: the route says so.
 */
final class RouteHeaders {

    private static final String CAMEL_PREFIX = "camel";

    private RouteHeaders() {
    }

    /** {@code relay}'s headers, then the route's, in the route's order; {@code relay} itself when none applies. */
    static Map<String, String> merged(Map<String, String> relay, Map<String, Object> route) {
        Map<String, String> merged = null;
        for (Map.Entry<String, Object> header : route.entrySet()) {
            if (header.getValue() == null || header.getKey().regionMatches(true, 0, CAMEL_PREFIX, 0,
                    CAMEL_PREFIX.length())) {
                continue;
            }
            if (merged == null) {
                merged = new LinkedHashMap<>(relay);
            }
            merged.put(header.getKey(), text(header.getValue()));
        }
        return merged == null ? relay : Collections.unmodifiableMap(merged);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value.toString();
    }
}
