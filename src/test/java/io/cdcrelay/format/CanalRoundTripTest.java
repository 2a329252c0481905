package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.alibaba.otter.canal.protocol.FlatMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.change.Changes;
import org.junit.jupiter.api.Test;

/** The canal format read back into Canal's own {@code FlatMessage}, every field checked. */
class CanalRoundTripTest {

    private final ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final CanalFormat canal = new CanalFormat(TestFormatOptions.of(false));

    @Test
    void anUpdateReadsBackIntoCanalsFlatMessageWithEveryField() throws Exception {
        canal.render(Changes.insert());
        FlatMessage m = strict.readValue(canal.render(Changes.update()), FlatMessage.class);

        assertThat(m.getId()).as("second message of the stream").isEqualTo(2);
        assertThat(m.getDatabase()).isEqualTo("shop");
        assertThat(m.getTable()).isEqualTo("orders");
        assertThat(m.getPkNames()).containsExactly("id");
        assertThat(m.getIsDdl()).isFalse();
        assertThat(m.getType()).isEqualTo("UPDATE");
        assertThat(m.getEs()).isEqualTo(1795252356000L);
        assertThat(m.getTs()).isEqualTo(TestFormatOptions.NOW.toEpochMilli());
        assertThat(m.getSql()).isEmpty();
        assertThat(m.getSqlType()).containsExactly(Map.entry("id", -5), Map.entry("amount", 3));
        assertThat(m.getMysqlType()).containsExactly(Map.entry("id", "bigint(20)"), Map.entry("amount", "decimal(10,2)"));
        assertThat(m.getData()).isEqualTo(List.of(Map.of("id", "7", "amount", "12.00")));
        assertThat(m.getOld()).isEqualTo(List.of(Map.of("amount", "10.50")));
        assertThat(m.getGtid()).isEqualTo("0-1-49");
    }

    @Test
    void aDdlReadsBackWithItsStatementAndNoRows() throws Exception {
        FlatMessage m = strict.readValue(canal.render(Changes.ddl("ALTER TABLE orders ADD COLUMN note TEXT")),
                FlatMessage.class);
        assertThat(m.getIsDdl()).isTrue();
        assertThat(m.getType()).isEqualTo("ALTER");
        assertThat(m.getSql()).isEqualTo("ALTER TABLE orders ADD COLUMN note TEXT");
        assertThat(m.getData()).isNull();
        assertThat(m.getOld()).isNull();
    }

    @Test
    void aDeleteCarriesItsBeforeImageAsData() throws Exception {
        FlatMessage m = strict.readValue(canal.render(Changes.delete()), FlatMessage.class);
        assertThat(m.getType()).isEqualTo("DELETE");
        assertThat(m.getData()).isEqualTo(List.of(Map.of("id", "7", "amount", "12.00")));
        assertThat(m.getOld()).isNull();
    }
}
