package io.cdcrelay.steps;

import java.util.ArrayList;
import java.util.List;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.partition.KeyChangeSplitter;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.sink.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * An UPDATE that moves its row to another hash key leaves the body as a list: its DELETE and its INSERT, each
 * an {@link Outgoing}. Every other change stays a single one, so the route splits only when it must.
 *
 * <p>Both parts keep the {@link ResumePoint} of the UPDATE they stand for: without it a sink takes them for
 * messages the relay made itself (heartbeats), which belong to no source session and save no position. Only the
 * last part (the INSERT) is {@link ResumePoint#complete() complete}: the source may resume after the UPDATE only
 * once both parts are stored, so an exactly-once sink never commits the position with the DELETE alone.
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
            ResumePoint resumeAt = outgoing.resumeAt();
            List<Outgoing> split = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                split.add(Outgoing.of(parts.get(i), resumeAt == null || last ? resumeAt : resumeAt.incomplete()));
            }
            exchange.getMessage().setBody(split);
        }
    }
}
