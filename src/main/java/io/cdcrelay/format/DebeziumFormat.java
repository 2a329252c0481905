package io.cdcrelay.format;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Operation;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Debezium's own envelope, written by Kafka Connect's {@link JsonConverter} from the connector's value, so it
 * is exactly what Debezium writes; {@code relay.format.debezium.schemas=true} adds the schema part. The one
 * format that reads the connector's value: re-creating it from the change record could only approximate it.
 */
public final class DebeziumFormat implements WireFormat {

    private static final Schema HEARTBEAT = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
            .field("ts_ms", Schema.INT64_SCHEMA).build();

    private final JsonConverter converter = new JsonConverter();

    public DebeziumFormat(FormatOptions options) {
        converter.configure(Map.of("schemas.enable", Boolean.toString(options.debeziumSchemas()),
                "converter.type", "value"));
    }

    @Override
    public String name() {
        return "debezium";
    }

    @Override
    public String render(ChangeEvent change) {
        return new String(renderUtf8(change), StandardCharsets.UTF_8);
    }

    /** Debezium's converter writes bytes: they go to the broker as they are. */
    @Override
    public byte[] renderUtf8(ChangeEvent change) {
        Object value = change.origin();
        if (value == null && change.operation() == Operation.HEARTBEAT) {
            value = new Struct(HEARTBEAT).put("ts_ms", change.commitTime().toEpochMilli());
        }
        if (!(value instanceof Struct struct)) {
            throw new IllegalStateException("the Debezium format needs the connector's own value, and the change of "
                    + change.database() + "." + change.table() + " has none");
        }
        return converter.fromConnectData(change.table(), struct.schema(), struct);
    }
}
