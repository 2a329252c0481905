package io.cdcrelay.steps;

import io.cdcrelay.capture.RelayDebeziumComponent;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ChangeEventMapper;
import io.cdcrelay.change.TransactionInfo;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's record → the body as a {@code ChangeEvent}, with the transaction size and last-change mark the
 * consumer learned; {@code null} for records that concern no captured table.
 */
public final class ToChangeEvent implements Processor {

    private final ChangeEventMapper mapper;

    public ToChangeEvent(ChangeEventMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        SourceRecord record = exchange.getProperty(RelayDebeziumComponent.SOURCE_RECORD_PROPERTY, SourceRecord.class);
        ChangeEvent change = mapper.map(record);
        Long size = exchange.getProperty(RelayDebeziumComponent.TRANSACTION_SIZE_PROPERTY, Long.class);
        if (change != null && size != null) {
            TransactionInfo tx = change.transaction();
            boolean last = exchange.getProperty(RelayDebeziumComponent.TRANSACTION_LAST_PROPERTY, false, Boolean.class);
            change = change.withTransaction(new TransactionInfo(tx.id(), tx.sequence(), size, last));
        }
        exchange.getMessage().setBody(change);
    }
}
