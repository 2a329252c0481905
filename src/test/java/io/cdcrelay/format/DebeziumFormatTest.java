package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
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

    /** Debezium's own op codes: c, r (a snapshot row), d and t (TRUNCATE), with source.snapshot telling snapshot rows. */
    @Test
    void insertsSnapshotRowsDeletesAndTruncatesAreDebeziumsOwnEnvelopes() throws Exception {
        DebeziumFormat format = new DebeziumFormat(TestFormatOptions.of(true));
        GoldenFormatTest.assertMatchesGolden("debezium", "insert",
                format.render(change(Changes.insert(), envelope("c", null, order("10.50"), "false", 1L))));
        GoldenFormatTest.assertMatchesGolden("debezium", "snapshot",
                format.render(change(Changes.snapshotRow(), envelope("r", null, order("10.50"), "true", null))));
        GoldenFormatTest.assertMatchesGolden("debezium", "delete",
                format.render(change(Changes.delete(), envelope("d", order("12.00"), null, "false", 3L))));
        GoldenFormatTest.assertMatchesGolden("debezium", "ddl-truncate",
                format.render(change(Changes.ddl("TRUNCATE TABLE `shop`.`orders`"), envelope("t", null, null, "false", 1L))));
    }

    @Test
    void aHeartbeatIsDebeziumsHeartbeatValue() throws Exception {
        GoldenFormatTest.assertMatchesGolden("debezium", "heartbeat",
                new DebeziumFormat(TestFormatOptions.of(true)).render(Changes.heartbeat()));
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
        return change(Changes.update(), envelope());
    }

    /** The plain change with the connector's value it was mapped from. */
    private static ChangeEvent change(ChangeEvent plain, Struct envelope) {
        return new ChangeEvent(plain.database(), plain.table(), plain.operation(), plain.before(), plain.after(),
                plain.columnTypes(), plain.keyColumns(), plain.position(), plain.transaction(), plain.commitTime(),
                plain.commitSequence(), plain.snapshot(), plain.ddl(), envelope);
    }

    private static Struct envelope() {
        return envelope("u", order("10.50"), order("12.00"), "false", 2L);
    }

    private static Struct order(String amount) {
        return new Struct(ROW).put("id", 7L).put("amount", new BigDecimal(amount));
    }

    /** Debezium's value; a snapshot row belongs to no transaction ({@code totalOrder} null). */
    private static Struct envelope(String op, Struct before, Struct after, String snapshot, Long totalOrder) {
        Struct source = new Struct(SOURCE).put("version", "3.4.0.Final").put("connector", "mariadb").put("name", "shop-relay")
                .put("ts_ms", 1795252356000L).put("snapshot", snapshot).put("db", "shop").put("table", "orders")
                .put("server_id", 1L).put("gtid", totalOrder == null ? null : "0-1-49").put("file", "mariadb-bin.000002")
                .put("pos", 5412L).put("row", 0);
        return new Struct(ENVELOPE).put("before", before).put("after", after).put("source", source).put("op", op)
                .put("ts_ms", 1795252356464L).put("transaction", totalOrder == null ? null : new Struct(TRANSACTION)
                        .put("id", "0-1-49").put("total_order", totalOrder).put("data_collection_order", totalOrder));
    }
}
