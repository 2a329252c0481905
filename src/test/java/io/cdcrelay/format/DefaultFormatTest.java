package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.ColumnType;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import org.junit.jupiter.api.Test;

/** Default-format rules that the golden files do not show on their own. */
class DefaultFormatTest {

    @Test
    void theUpdateOfTheSpecificationIsWrittenExactlyAsFormatsMdShowsIt() {
        String json = new DefaultFormat(TestFormatOptions.of(false)).render(Changes.update());
        assertThat(json).isEqualTo("{\"prevStruct\":{\"id\":\"7\",\"amount\":\"10.50\"},"
                + "\"postStruct\":{\"id\":\"7\",\"amount\":\"12.00\"},"
                + "\"allMetaData\":{\"checkpoint\":\"1795252356\",\"record_primary_key\":\"id\","
                + "\"record_primary_value\":\"7\",\"source_identity\":\"shop-relay\",\"dbType\":\"MYSQL\","
                + "\"table_name\":\"orders\",\"db\":\"shop\",\"timestamp\":\"1795252356\",\"uniqueId\":\"0-1-49\"},"
                + "\"recordType\":\"UPDATE\"}");
    }

    @Test
    void storeDataSequenceAppearsOnlyWithTransactionSequence() {
        assertThat(new DefaultFormat(TestFormatOptions.of(false)).render(Changes.update())).doesNotContain("storeDataSequence");
        assertThat(new DefaultFormat(TestFormatOptions.of(true)).render(Changes.update()))
                .contains("\"storeDataSequence\":179525235600003");
    }

    @Test
    void aTenantQualifiesTheDatabaseAndObMysqlIsNamed() {
        DefaultFormat ob = new DefaultFormat(TestFormatOptions.withIdentity("OB_MYSQL", "t1"));
        assertThat(ob.render(Changes.insert())).contains("\"db\":\"t1.shop\"").contains("\"dbType\":\"OB_MYSQL\"");
    }

    @Test
    void compositeKeysAreJoinedWithU0001() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("a", new ColumnType("INT", Types.INTEGER, -1, -1));
        types.put("b", new ColumnType("VARCHAR", Types.VARCHAR, 10, -1));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("a", 1);
        row.put("b", "x");
        ChangeEvent change = Changes.of("t", types, List.of("a", "b"), Operation.INSERT, Map.of(), row,
                TransactionInfo.of("0-1-2"), false);
        assertThat(new DefaultFormat(TestFormatOptions.of(false)).render(change))
                .contains("\"record_primary_key\":\"a\\u0001b\"").contains("\"record_primary_value\":\"1\\u0001x\"");
    }
}
