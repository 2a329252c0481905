package io.cdcrelay.steps;

import java.util.List;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * An UPDATE that moves its row to another hash key leaves the body as a list: its DELETE and its INSERT, each
 * an {@link Outgoing}. Every other change stays a single one, so the route splits only when it must.
 */
public final class SplitKeyChanges implements Processor {

    private final KeyChangeSplitter splitter;

    public SplitKeyChanges(KeyChangeSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public void process(Exchange exchange) {
        Outgoing outgoing = exchange.getMessage().getBody(Outgoing.class);
        List<ChangeEvent> parts = splitter.split(outgoing.change());
        if (parts.size() > 1) {
            exchange.getMessage().setBody(parts.stream().map(Outgoing::of).toList());
        }
    }
}
