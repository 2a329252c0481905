package io.cdcrelay.ops;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.report.SnapshotOperation;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code POST /snapshot {"tables":["db.table"]}}: re-snapshot the tables while the binlog keeps flowing; a table
 * outside the selection is added to it. 202 with what was requested; 400, 409 or 500 with one sentence.
 */
public final class SnapshotEndpoint implements Processor {

    private final SnapshotOperation operation;
    private final ObjectMapper json = new ObjectMapper();

    public SnapshotEndpoint(SnapshotOperation operation) {
        this.operation = operation;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        SnapshotOperation.Answer answer;
        try {
            answer = operation.request(tables(body));
        } catch (IllegalArgumentException e) {
            answer = SnapshotOperation.Answer.refused(400, e.getMessage());
        }
        exchange.getMessage().setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
    }

    private List<String> tables(String body) {
        String usage = "Send a JSON body such as {\"tables\":[\"shop.orders\"]}.";
        JsonNode tables;
        try {
            tables = body == null || body.isBlank() ? null : json.readTree(body).get("tables");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON. " + usage);
        }
        if (tables == null || !tables.isArray()) {
            throw new IllegalArgumentException(usage);
        }
        List<String> out = new ArrayList<>();
        tables.forEach(t -> out.add(t.isTextual() ? t.asText() : t.toString()));
        return out;
    }
}
