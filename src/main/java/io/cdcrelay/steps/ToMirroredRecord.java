package io.cdcrelay.steps;

import io.cdcrelay.mirror.MirroredRecords;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns the source record body into its destination record; the source record stays as a property. */
public final class ToMirroredRecord implements Processor {

    /** Exchange property: the mirror's source record, kept while the body is its destination record. */
    static final String MIRROR_SOURCE = "relayMirrorSource";

    private final MirroredRecords records;

    public ToMirroredRecord(MirroredRecords records) {
        this.records = records;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        ConsumerRecord<byte[], byte[]> source = exchange.getMessage().getMandatoryBody(ConsumerRecord.class);
        exchange.setProperty(ToMirroredRecord.MIRROR_SOURCE, source);
        exchange.getMessage().setBody(records.destinationOf(source));
    }
}
