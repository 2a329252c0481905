package io.cdcrelay.steps;

import io.cdcrelay.mirror.MirroredRecords;
import io.cdcrelay.report.MirrorMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Counts a record the destination acknowledged, in records and bytes of its source topic. */
public final class CountMirrored implements Processor {

    private final MirrorMetrics metrics;

    public CountMirrored(MirrorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        ConsumerRecord<byte[], byte[]> source = exchange.getProperty(ToMirroredRecord.MIRROR_SOURCE, ConsumerRecord.class);
        metrics.mirrored(source.topic(), MirroredRecords.sizeOf(source));
    }
}
