package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.SourcePosition;
import org.junit.jupiter.api.Test;

/** FORMATS.md's Default example, field by field. */
class DefaultFormatTest {

    private final DefaultFormat format = new DefaultFormat(new FormatOptions("shop-relay", "MYSQL", "", ZoneOffset.UTC));

    @Test
    void anUpdateCarriesBothImagesAndTheMetadataOfTheSpecification() {
        String json = format.render(change(Operation.UPDATE, order(7, "10.50"), order(7, "12.00"), false));
        assertThat(json).isEqualTo("{\"prevStruct\":{\"id\":\"7\",\"amount\":\"10.50\"},"
                + "\"postStruct\":{\"id\":\"7\",\"amount\":\"12.00\"},"
                + "\"allMetaData\":{\"checkpoint\":\"1795252356\",\"record_primary_key\":\"id\","
                + "\"record_primary_value\":\"7\",\"source_identity\":\"shop-relay\",\"dbType\":\"MYSQL\","
                + "\"table_name\":\"orders\",\"db\":\"shop\",\"timestamp\":\"1795252356\",\"uniqueId\":\"0-1-49\"},"
                + "\"recordType\":\"UPDATE\"}");
    }

    @Test
    void anInsertHasNoBeforeImageAndADeleteNoAfterImage() {
        assertThat(format.render(change(Operation.INSERT, Map.of(), order(7, "1.00"), false)))
                .doesNotContain("prevStruct").contains("\"postStruct\":{\"id\":\"7\"").endsWith("\"recordType\":\"INSERT\"}");
        assertThat(format.render(change(Operation.DELETE, order(7, "1.00"), Map.of(), false)))
                .doesNotContain("postStruct").contains("\"prevStruct\":{\"id\":\"7\"").endsWith("\"recordType\":\"DELETE\"}");
    }

    @Test
    void aSnapshotRowIsCheckpointedByItsKeyAndHasNoCommitTimestamp() {
        String json = format.render(change(Operation.INSERT, Map.of(), order(7, "1.00"), true));
        assertThat(json).contains("\"checkpoint\":\"id=7\"").contains("\"timestamp\":null");
    }

    @Test
    void aTenantQualifiesTheDatabaseAndObMysqlIsNamed() {
        DefaultFormat ob = new DefaultFormat(new FormatOptions("r", "OB_MYSQL", "t1", ZoneOffset.UTC));
        String json = ob.render(change(Operation.INSERT, Map.of(), order(7, "1.00"), false));
        assertThat(json).contains("\"db\":\"t1.shop\"").contains("\"dbType\":\"OB_MYSQL\"");
    }

    @Test
    void compositeKeysAreJoinedWithU0001() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("a", new ColumnType("INT", Types.INTEGER, -1, -1));
        types.put("b", new ColumnType("VARCHAR", Types.VARCHAR, 10, -1));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("a", 1);
        row.put("b", "x");
        ChangeEvent change = new ChangeEvent("shop", "t", Operation.INSERT, Map.of(), row, types, List.of("a", "b"),
                SourcePosition.NONE, "0-1-2", Instant.ofEpochSecond(1), 0, false, "");
        assertThat(format.render(change)).contains("\"record_primary_key\":\"a\\u0001b\"")
                .contains("\"record_primary_value\":\"1\\u0001x\"");
    }

    private static Map<String, Object> order(long id, String amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("amount", new BigDecimal(amount));
        return row;
    }

    private static ChangeEvent change(Operation op, Map<String, Object> before, Map<String, Object> after, boolean snapshot) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("id", new ColumnType("BIGINT", Types.BIGINT, -1, -1));
        types.put("amount", new ColumnType("DECIMAL", Types.DECIMAL, 10, 2));
        return new ChangeEvent("shop", "orders", op, before, after, types, List.of("id"),
                new SourcePosition("mariadb-bin.000002", 5412, 0, "0-1-49"), "0-1-49",
                Instant.ofEpochSecond(1795252356), 0, snapshot, "");
    }
}
