package io.cdcrelay.steps;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ChangeEventMapper;
import io.cdcrelay.change.PrimaryKeyUpdate;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.position.ResumePoint;
import io.cdcrelay.sink.Outgoing;
import io.cdcrelay.transaction.Released;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's record, as the consumer released it → the body as an {@link Outgoing} of the mapped change, with
 * the transaction size and last-change mark the consumer learned and the record's {@link ResumePoint} (incomplete
 * for the first half of a primary-key UPDATE, see {@link PrimaryKeyUpdate}); {@code null} for records that concern
 * no captured table.
 */
public final class ToChangeEvent implements Processor {

    private final ChangeEventMapper mapper;

    public ToChangeEvent(ChangeEventMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Released<SourceRecord> released = exchange.getMessage().getBody(Released.class);
        ChangeEvent change = mapper.map(released.record());
        if (change == null) {
            exchange.getMessage().setBody(null);
            return;
        }
        TransactionInfo tx = change.transaction();
        change = change.withTransaction(new TransactionInfo(tx.id(), tx.sequence(), released.size(), released.last()));
        SourceRecord record = released.record();
        Long session = exchange.getProperty(ResumePoint.SESSION_PROPERTY, Long.class);
        ResumePoint at = new ResumePoint(session == null ? 0 : session, record.sourcePartition(),
                record.sourceOffset());
        // the DELETE half of a primary-key UPDATE: the source may resume after it only once its CREATE is stored
        ResumePoint point = PrimaryKeyUpdate.isFirstHalf(record) ? at.incomplete() : at;
        // kept beside the body too: a step a user adds may rebuild the body without it
        exchange.setProperty(ResumePoint.PROPERTY, point);
        exchange.getMessage().setBody(Outgoing.of(change, point));
    }
}
