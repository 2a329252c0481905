package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.topic.TopicPartitions;
import io.cdcrelay.topic.TopicDirectory;
import io.cdcrelay.topic.TopicNameRule;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Names the change's topic and learns its partition count, creating the topic when it is missing. */
public final class RouteToTopic implements Processor {

    private final TopicNameRule names;
    private final TopicPartitions topics;
    private final TopicDirectory directory;

    public RouteToTopic(TopicNameRule names, TopicPartitions topics, TopicDirectory directory) {
        this.names = names;
        this.topics = topics;
        this.directory = directory;
    }

    @Override
    public void process(Exchange exchange) {
        ChangeEvent change = exchange.getMessage().getBody(ChangeEvent.class);
        String topic = names.topicOf(change.database(), change.table());
        exchange.setProperty(StepProperties.TOPIC, topic);
        directory.seen(topic, change.database(), change.table());
        exchange.setProperty(StepProperties.PARTITIONS, topics.partitionsOf(topic));
    }
}
