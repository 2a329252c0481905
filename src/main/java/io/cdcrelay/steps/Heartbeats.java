package io.cdcrelay.steps;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.sink.Outgoing;
import io.cdcrelay.topic.TopicDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The body becomes one HEARTBEAT per topic the relay has sent to, so consumers and lag monitors see the
 * stream alive while its tables are quiet.
 */
public final class Heartbeats implements Processor {

    private final TopicDirectory directory;
    private final Clock clock;

    public Heartbeats(TopicDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Instant now = clock.instant();
        List<Outgoing> beats = directory.topics().stream()
                .map(t -> Outgoing.of(ChangeEvent.heartbeat(t.database(), t.table(), now)))
                .toList();
        exchange.getMessage().setBody(beats);
    }
}
