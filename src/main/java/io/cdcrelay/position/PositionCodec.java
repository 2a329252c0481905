package io.cdcrelay.position;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.json.JsonConverter;

/**
 * A source position as the bytes Kafka Connect's offset stores hold: the key is the JSON array
 * {@code [<engine name>, <source partition>]}, the value the JSON offset, both without schemas. Debezium's engine
 * writes its own offsets the same way, so a position written by the relay reads back as Debezium's own.
 */
public final class PositionCodec {

    private final String engineName;
    private final JsonConverter keys = converter(true);
    private final JsonConverter values = converter(false);

    /** @param engineName the Debezium engine's {@code name}, the offsets' namespace ({@code relay.source.name}) */
    public PositionCodec(String engineName) {
        this.engineName = engineName;
    }

    public byte[] key(Map<String, ?> partition) {
        return keys.fromConnectData(engineName, null, List.of(engineName, partition));
    }

    public byte[] value(Map<String, ?> offset) {
        return values.fromConnectData(engineName, null, offset);
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), isKey);
        return converter;
    }
}
