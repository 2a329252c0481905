package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** The debezium format is Kafka Connect's JsonConverter output of the connector's value, and reads back with it. */
class DebeziumFormatTest {

    private static final Schema ROW = SchemaBuilder.struct().name("shop.shop.orders.Value").optional()
            .field("id", Schema.INT64_SCHEMA).field("amount", Decimal.builder(2).optional().build()).build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mariadb.Source")
            .field("version", Schema.STRING_SCHEMA).field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA).field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA).field("server_id", Schema.INT64_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA).field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA).field("row", Schema.INT32_SCHEMA).build();
    private static final Schema TRANSACTION = SchemaBuilder.struct().name("event.block").optional()
            .field("id", Schema.STRING_SCHEMA).field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.shop.orders.Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).field("transaction", TRANSACTION).build();

    @Test
    void anUpdateIsDebeziumsOwnEnvelopeWithoutSchemas() throws Exception {
        String json = new DebeziumFormat(TestFormatOptions.of(true)).render(update());
        GoldenFormatTest.assertMatchesGolden("debezium", "update", json);
    }

    @Test
    void withSchemasTheOutputReadsBackIntoTheIdenticalStruct() {
        Struct envelope = envelope();
        String json = new DebeziumFormat(TestFormatOptions.debeziumSchemas()).render(update());

        JsonConverter reader = new JsonConverter();
        reader.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        SchemaAndValue back = reader.toConnectData("Topic_shop_orders", json.getBytes(StandardCharsets.UTF_8));

        assertThat(back.value()).isEqualTo(envelope);
        assertThat(((Struct) back.value()).getStruct("transaction").getInt64("total_order")).isEqualTo(2L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutSchemasEveryFieldReadsBack() {
        String json = new DebeziumFormat(TestFormatOptions.of(true)).render(update());
        JsonConverter reader = new JsonConverter();
        reader.configure(Map.of("schemas.enable", "false", "converter.type", "value"));
        Map<String, Object> back = (Map<String, Object>) reader.toConnectData("t", json.getBytes(StandardCharsets.UTF_8)).value();

        assertThat(back.get("op")).isEqualTo("u");
        assertThat((Map<String, Object>) back.get("before")).containsEntry("id", 7L);
        assertThat((Map<String, Object>) back.get("after")).containsEntry("id", 7L);
        assertThat((Map<String, Object>) back.get("source")).containsEntry("gtid", "0-1-49").containsEntry("pos", 5412L)
                .containsEntry("db", "shop").containsEntry("table", "orders");
        assertThat((Map<String, Object>) back.get("transaction")).containsEntry("id", "0-1-49").containsEntry("total_order", 2L);
        assertThat(back.get("ts_ms")).isEqualTo(1795252356464L);
    }

    @Test
    void aHeartbeatWithoutConnectorValueIsDebeziumsHeartbeatShape() {
        assertThat(new DebeziumFormat(TestFormatOptions.of(false)).render(Changes.heartbeat()))
                .isEqualTo("{\"ts_ms\":1795252356000}");
    }

    @Test
    void aChangeWithoutTheConnectorsValueIsRefusedRatherThanApproximated() {
        assertThatThrownBy(() -> new DebeziumFormat(TestFormatOptions.of(false)).render(Changes.update()))
                .hasMessageContaining("needs the connector's own value");
    }

    private static ChangeEvent update() {
        ChangeEvent plain = Changes.update();
        return new ChangeEvent(plain.database(), plain.table(), Operation.UPDATE, plain.before(), plain.after(),
                plain.columnTypes(), plain.keyColumns(), plain.position(), new TransactionInfo("0-1-49", 2, 3, false),
                plain.commitTime(), plain.commitSequence(), false, "", envelope());
    }

    private static Struct envelope() {
        Struct source = new Struct(SOURCE).put("version", "3.4.0.Final").put("connector", "mariadb").put("name", "shop-relay")
                .put("ts_ms", 1795252356000L).put("snapshot", "false").put("db", "shop").put("table", "orders")
                .put("server_id", 1L).put("gtid", "0-1-49").put("file", "mariadb-bin.000002").put("pos", 5412L).put("row", 0);
        return new Struct(ENVELOPE)
                .put("before", new Struct(ROW).put("id", 7L).put("amount", new BigDecimal("10.50")))
                .put("after", new Struct(ROW).put("id", 7L).put("amount", new BigDecimal("12.00")))
                .put("source", source).put("op", "u").put("ts_ms", 1795252356464L)
                .put("transaction", new Struct(TRANSACTION).put("id", "0-1-49").put("total_order", 2L)
                        .put("data_collection_order", 2L));
    }
}
