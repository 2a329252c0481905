package io.cdcrelay.routes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's MockProducer under the real Kafka sink, which also lets a test wait (bounded) for each record sent:
 * the sink parks a refused message on another thread, so the dead-letter copy arrives after the refusal returns.
 */
final class RecordingProducer extends MockProducer<String, byte[]> {

    private final BlockingQueue<ProducerRecord<String, byte[]>> sent = new LinkedBlockingQueue<>();

    /** @param autoComplete whether each send is acknowledged at once; else by {@code completeNext}/{@code errorNext} */
    RecordingProducer(boolean autoComplete) {
        super(autoComplete, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        // before the send: an auto-completed send calls back, and may complete the exchange, inside it
        sent.add(record);
        return super.send(record, callback);
    }

    /** The next record sent, waiting at most {@link RecordingSink#WAIT_SECONDS} s for it. */
    ProducerRecord<String, byte[]> awaitSent() throws InterruptedException {
        ProducerRecord<String, byte[]> record = sent.poll(RecordingSink.WAIT_SECONDS, TimeUnit.SECONDS);
        if (record == null) {
            throw new AssertionError("the sink sent no record within " + RecordingSink.WAIT_SECONDS + " s");
        }
        return record;
    }
}
