package io.cdcrelay.steps;

import io.cdcrelay.format.FormatSelection;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The change becomes the message value in its topic's wire format ({@code relay.format.topic.<topic>}, else {@code relay.format}). */
public final class RenderWireFormat implements Processor {

    private final FormatSelection formats;

    public RenderWireFormat(FormatSelection formats) {
        this.formats = formats;
    }

    @Override
    public void process(Exchange exchange) {
        Outgoing outgoing = exchange.getMessage().getBody(Outgoing.class);
        exchange.getMessage().setBody(outgoing.withValue(formats.forTopic(outgoing.topic()).renderUtf8(outgoing.change())));
    }
}
