package io.cdcrelay.steps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The headers every message carries whatever its format (docs in the README, "Messages"), as text: Kafka
 * headers and RocketMQ user properties both carry text.
 */
public final class AddRelayHeaders implements Processor {

    private final boolean transactionSequence;
    private final String businessSystemId;

    /** @param businessSystemId {@code relay.business-system-id}; empty for none */
    public AddRelayHeaders(boolean transactionSequence, String businessSystemId) {
        this.transactionSequence = transactionSequence;
        this.businessSystemId = businessSystemId;
    }

    @Override
    public void process(Exchange exchange) {
        Outgoing outgoing = exchange.getMessage().getBody(Outgoing.class);
        ChangeEvent change = outgoing.change();
        Map<String, String> headers = new LinkedHashMap<>(8);
        headers.putAll(outgoing.headers());
        headers.put("relay.db", change.database());
        headers.put("relay.table", change.table());
        headers.put("relay.op", change.operation().name());
        if (change.transactionId() != null) {
            headers.put("relay.tx", change.transactionId());
        }
        if (transactionSequence) {
            headers.put("relay.tx.seq", Long.toString(change.transaction().sequence()));
            headers.put("relay.tx.last", Boolean.toString(change.transaction().last()));
        }
        if (!businessSystemId.isEmpty()) {
            headers.put("relay.bsid", businessSystemId);
        }
        exchange.getMessage().setBody(outgoing.withHeaders(Collections.unmodifiableMap(headers)));
    }
}
