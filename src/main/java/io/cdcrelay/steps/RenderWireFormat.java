package io.cdcrelay.steps;

import java.nio.charset.StandardCharsets;

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
        String value = formats.forTopic(outgoing.topic()).render(outgoing.change());
        exchange.getMessage().setBody(outgoing.withValue(value.getBytes(StandardCharsets.UTF_8)));
    }
}
