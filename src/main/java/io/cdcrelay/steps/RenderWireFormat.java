package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.format.WireFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The body, a {@code ChangeEvent}, becomes the message value in the chosen wire format. */
public final class RenderWireFormat implements Processor {

    private final WireFormat format;

    public RenderWireFormat(WireFormat format) {
        this.format = format;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(format.render(exchange.getMessage().getBody(ChangeEvent.class)));
    }
}
