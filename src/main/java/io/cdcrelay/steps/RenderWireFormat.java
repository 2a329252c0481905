package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.format.FormatSelection;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The body, a {@code ChangeEvent}, becomes the message value in its topic's wire format. */
public final class RenderWireFormat implements Processor {

    private final FormatSelection formats;

    public RenderWireFormat(FormatSelection formats) {
        this.formats = formats;
    }

    @Override
    public void process(Exchange exchange) {
        String topic = exchange.getProperty(StepProperties.TOPIC, String.class);
        exchange.getMessage().setBody(formats.forTopic(topic).render(exchange.getMessage().getBody(ChangeEvent.class)));
    }
}
