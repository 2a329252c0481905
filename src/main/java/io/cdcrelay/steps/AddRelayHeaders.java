package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The headers every message carries whatever its format (FORMATS.md, "Around every format"), as text:
 * the Kafka header serializer drops values it has no rule for, such as enums.
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
        Message message = exchange.getMessage();
        ChangeEvent change = message.getBody(ChangeEvent.class);
        message.setHeader("relay.db", change.database());
        message.setHeader("relay.table", change.table());
        message.setHeader("relay.op", change.operation().name());
        message.setHeader("relay.tx", change.transactionId());
        if (transactionSequence) {
            message.setHeader("relay.tx.seq", Long.toString(change.transaction().sequence()));
            message.setHeader("relay.tx.last", Boolean.toString(change.transaction().last()));
        }
        if (!businessSystemId.isEmpty()) {
            message.setHeader("relay.bsid", businessSystemId);
        }
    }
}
