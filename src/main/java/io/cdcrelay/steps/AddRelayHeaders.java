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

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ChangeEvent change = message.getBody(ChangeEvent.class);
        message.setHeader("relay.db", change.database());
        message.setHeader("relay.table", change.table());
        message.setHeader("relay.op", change.operation().name());
        message.setHeader("relay.tx", change.transactionId());
    }
}
