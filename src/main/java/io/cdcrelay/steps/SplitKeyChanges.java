package io.cdcrelay.steps;

import java.util.List;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.partition.KeyChangeSplitter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * An UPDATE that moves its row to another hash key leaves the body as a list: its DELETE and its INSERT.
 * Every other change stays a single {@code ChangeEvent}, so the route splits only when it must.
 */
public final class SplitKeyChanges implements Processor {

    private final KeyChangeSplitter splitter;

    public SplitKeyChanges(KeyChangeSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public void process(Exchange exchange) {
        ChangeEvent change = exchange.getMessage().getBody(ChangeEvent.class);
        List<ChangeEvent> parts = splitter.split(change);
        if (parts.size() > 1) {
            exchange.getMessage().setBody(parts);
        }
    }
}
