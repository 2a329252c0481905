package io.cdcrelay.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}: JSON with liveness and readiness;
 * HTTP 503 when the asked-for state (readiness for {@code /health}) is DOWN, so probes need no parsing.
 */
public final class HealthEndpoint implements Processor {

    private final Readiness readiness;
    private final ObjectMapper json = new ObjectMapper();

    public HealthEndpoint(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Map<String, String> why = readiness.notReadyBecause();
        boolean live = exchange.getContext().isStarted();
        boolean ready = live && why.isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("liveness", live ? "UP" : "DOWN");
        body.put("readiness", ready ? "UP" : "DOWN");
        if (!why.isEmpty()) {
            body.put("reasons", why);
        }
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        boolean up = path.endsWith("/live") ? live : ready;
        exchange.getMessage().setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
    }
}
