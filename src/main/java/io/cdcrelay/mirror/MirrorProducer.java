package io.cdcrelay.mirror;

import java.time.Duration;
import java.util.Properties;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends the exchange's {@link ProducerRecord} body to the destination cluster and completes the exchange
 * when the destination acknowledged it, or failed it after the producer's own retries
 * ({@code delivery.timeout.ms}).
 */
final class MirrorProducer extends DefaultAsyncProducer {

    private static final Duration CLOSE = Duration.ofSeconds(30);

    private final Properties properties;
    private volatile Producer<byte[], byte[]> producer;

    MirrorProducer(KafkaMirrorEndpoint endpoint, Properties properties) {
        super(endpoint);
        this.properties = properties;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        producer = new KafkaProducer<>(properties);
    }

    @Override
    protected void doStop() throws Exception {
        Producer<byte[], byte[]> current = producer;
        producer = null;
        if (current != null) {
            // sends what is buffered and waits for the acknowledgements the consumer is waiting for
            current.close(CLOSE);
        }
        super.doStop();
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            ProducerRecord<byte[], byte[]> record = exchange.getMessage().getMandatoryBody(ProducerRecord.class);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    exchange.setException(error);
                }
                callback.done(false);
            });
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }
}
