package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.sink.ChangeSink;
import io.cdcrelay.sink.Outgoing;
import io.cdcrelay.topic.TopicDirectory;
import io.cdcrelay.topic.TopicNameRule;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Names the change's topic and learns its partition count, creating the topic when it is missing. */
public final class RouteToTopic implements Processor {

    private final TopicNameRule names;
    private final ChangeSink sink;
    private final TopicDirectory directory;

    public RouteToTopic(TopicNameRule names, ChangeSink sink, TopicDirectory directory) {
        this.names = names;
        this.sink = sink;
        this.directory = directory;
    }

    @Override
    public void process(Exchange exchange) {
        Outgoing outgoing = exchange.getMessage().getBody(Outgoing.class);
        ChangeEvent change = outgoing.change();
        String topic = names.topicOf(change.database(), change.table());
        directory.seen(topic, change.database(), change.table());
        exchange.getMessage().setBody(outgoing.toTopic(topic, sink.partitionsOf(topic)));
    }
}
