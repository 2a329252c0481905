package io.cdcrelay.steps;

import io.cdcrelay.capture.RelayDebeziumComponent;
import io.cdcrelay.change.ChangeEventMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.connect.source.SourceRecord;

/** Debezium's record → the body as a {@code ChangeEvent}; {@code null} for records without a row change. */
public final class ToChangeEvent implements Processor {

    private final ChangeEventMapper mapper;

    public ToChangeEvent(ChangeEventMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        SourceRecord record = exchange.getProperty(RelayDebeziumComponent.SOURCE_RECORD_PROPERTY, SourceRecord.class);
        exchange.getMessage().setBody(mapper.map(record));
    }
}
