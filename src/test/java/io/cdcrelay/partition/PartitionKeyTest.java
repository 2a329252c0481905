package io.cdcrelay.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.format.ValueRenderer;
import org.junit.jupiter.api.Test;

class PartitionKeyTest {

    private final PartitionKey keys = new PartitionKey(new ValueRenderer(ZoneOffset.UTC), (db, table) -> List.of());

    @Test
    void theKeyIsACompactJsonObjectOfTheKeyColumnsInKeyOrder() {
        ChangeEvent change = change(Operation.INSERT, List.of("b", "a"), Map.of(), row(1, "x", 2));
        assertThat(keys.messageKey(change)).isEqualTo("{\"b\":\"x\",\"a\":\"1\"}");
    }

    @Test
    void theKeyQuotesTextExactlyAsJacksonsGeneratorDoes() throws Exception {
        String awkward = "q\"b\\s/t\tn\nc\u0001 é 汉 \uD83D\uDE00";
        ChangeEvent change = change(Operation.INSERT, List.of("b", "a"), Map.of(), row(1, awkward, 2));

        StringWriter expected = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(expected)) {
            g.writeStartObject();
            g.writeStringField("b", awkward);
            g.writeStringField("a", "1");
            g.writeEndObject();
        }
        assertThat(keys.messageKey(change)).isEqualTo(expected.toString());
    }

    @Test
    void aNullKeyValueIsJsonNull() {
        Map<String, Object> row = row(1, "x", 2);
        row.put("b", null);
        ChangeEvent change = change(Operation.INSERT, List.of("b", "a"), Map.of(), row);
        assertThat(keys.messageKey(change)).isEqualTo("{\"b\":null,\"a\":\"1\"}");
    }

    @Test
    void aDeleteIsKeyedByItsBeforeImage() {
        ChangeEvent change = change(Operation.DELETE, List.of("a"), row(5, "y", 0), Map.of());
        assertThat(keys.messageKey(change)).isEqualTo("{\"a\":\"5\"}");
    }

    @Test
    void aTableWithoutAnyKeyHasNoMessageKeyAndHashesTheWholeRow() {
        ChangeEvent change = change(Operation.INSERT, List.of(), Map.of(), row(1, "x", 2));
        assertThat(keys.messageKey(change)).isNull();
        assertThat(keys.hashInput(change)).isEqualTo("{\"a\":\"1\",\"b\":\"x\",\"c\":\"2\"}");
    }

    @Test
    void shardingColumnsReplaceTheKeyInTheMessageKeyAndTheHash() {
        PartitionKey sharded = new PartitionKey(new ValueRenderer(ZoneOffset.UTC),
                (db, table) -> table.equals("t") ? List.of("c") : List.of());
        ChangeEvent change = change(Operation.INSERT, List.of("a"), Map.of(), row(1, "x", 2));
        assertThat(sharded.hashColumns(change)).containsExactly("c");
        assertThat(sharded.messageKey(change)).isEqualTo("{\"c\":\"2\"}");
    }

    @Test
    void ddlAndHeartbeatsAreKeyedByTheirTableAndGoToEveryPartitionUnderHash() {
        ChangeEvent ddl = io.cdcrelay.change.Changes.ddl("ALTER TABLE orders ADD c INT");
        assertThat(keys.messageKey(ddl)).isEqualTo("{\"database\":\"shop\",\"table\":\"orders\"}");
        assertThat(new HashPartitioner(keys).everyPartition(ddl)).isTrue();
        assertThat(new HashPartitioner(keys).everyPartition(change(Operation.INSERT, List.of("a"), Map.of(), row(1, "x", 2))))
                .isFalse();
    }

    @Test
    void ruleOneSendsEverythingToPartitionZeroAndNothingToEveryPartition() {
        OnePartitioner one = new OnePartitioner();
        assertThat(one.partitionOf(change(Operation.INSERT, List.of("a"), Map.of(), row(9, "x", 1)), "{\"a\":\"9\"}", 12)).isZero();
        assertThat(one.everyPartition(io.cdcrelay.change.Changes.ddl("DROP TABLE t"))).isFalse();
    }

    @Test
    void theSameKeyValuesAlwaysGoToTheSamePartition() {
        HashPartitioner partitioner = new HashPartitioner(keys);
        ChangeEvent insert = change(Operation.INSERT, List.of("a"), Map.of(), row(9, "x", 1));
        ChangeEvent update = change(Operation.UPDATE, List.of("a"), row(9, "x", 1), row(9, "z", 2));
        assertThat(partitioner.partitionOf(update, keys.messageKey(update), 6))
                .isEqualTo(partitioner.partitionOf(insert, keys.messageKey(insert), 6));
    }

    static Map<String, Object> row(long a, String b, long c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("a", a);
        row.put("b", b);
        row.put("c", c);
        return row;
    }

    static ChangeEvent change(Operation op, List<String> key, Map<String, Object> before, Map<String, Object> after) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("a", new ColumnType("BIGINT", java.sql.Types.BIGINT, -1, -1));
        types.put("b", new ColumnType("VARCHAR", java.sql.Types.VARCHAR, 20, -1));
        types.put("c", new ColumnType("INT", java.sql.Types.INTEGER, -1, -1));
        return Changes.of("t", types, key, op, before, after, TransactionInfo.of("0-1-5"), false);
    }
}
