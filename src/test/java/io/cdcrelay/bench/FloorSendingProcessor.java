package io.cdcrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.debezium.DebeziumConstants;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * The only step of {@link BareDebeziumRoute} in its floor mode: the least any relay into Kafka must do after
 * Debezium. It writes each row change of the counted table as one small JSON object (database, table, operation
 * and the after image's columns, with Jackson's streaming generator), keys it by its {@code id}, sends it with the
 * relay's own producer settings and counts it when the broker acknowledged it. No mapping, partitioning rule,
 * wire format, headers or position bookkeeping: what the relay spends above this is its own logic's cost.
 */
final class FloorSendingProcessor implements Processor {

    private final CountingProcessor counter;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final JsonFactory json = new JsonFactory();

    FloorSendingProcessor(CountingProcessor counter, Producer<String, byte[]> producer, String topic) {
        this.counter = counter;
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        if (!counter.isRowChange(message) || !(message.getBody() instanceof Struct after)) {
            return;
        }
        byte[] value = render(message.getHeader(DebeziumConstants.HEADER_IDENTIFIER, String.class),
                message.getHeader(DebeziumConstants.HEADER_OPERATION, String.class), after);
        producer.send(new ProducerRecord<>(topic, String.valueOf(after.get("id")), value), (metadata, error) -> {
            if (error == null) {
                counter.count(after);
            } else {
                System.err.println("floor: the broker refused a change: " + error);
            }
        });
    }

    private byte[] render(String identifier, String operation, Struct after) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator g = json.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("source", identifier);
            g.writeStringField("op", operation);
            g.writeObjectFieldStart("after");
            for (Field field : after.schema().fields()) {
                Object v = after.get(field);
                g.writeFieldName(field.name());
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Integer i) {
                    g.writeNumber(i);
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
