package io.cdcrelay.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import io.cdcrelay.change.CommitSequence;
import io.cdcrelay.change.Operation;
import io.cdcrelay.change.TransactionInfo;
import io.cdcrelay.format.ValueRenderer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class KeyChangeSplitterTest {

    private final CommitSequence sequence = new CommitSequence();

    // the relay numbers the update and its split INSERT from one sequence: issue the fixture's number first
    {
        while (sequence.next(Changes.COMMIT) < Changes.COMMIT_SEQUENCE) {
            // advance
        }
    }

    @Test
    void anUpdateOfTheHashKeyBecomesADeleteOfTheOldKeyThenAnInsertOfTheNewOne() {
        List<ChangeEvent> parts = splitter(true).split(update(Changes.order(7, "1.00"), Changes.order(8, "1.00"), null));

        assertThat(parts).extracting(ChangeEvent::operation).containsExactly(Operation.DELETE, Operation.INSERT);
        assertThat(parts.get(0).before()).containsEntry("id", 7L);
        assertThat(parts.get(0).after()).isEmpty();
        assertThat(parts.get(1).after()).containsEntry("id", 8L);
        assertThat(parts.get(1).before()).isEmpty();
        assertThat(parts.get(1).commitSequence()).isGreaterThan(parts.get(0).commitSequence());
        assertThat(parts).extracting(ChangeEvent::transactionId).containsOnly("0-1-49");
        assertThat(parts).extracting(c -> c.transaction().last()).as("only the INSERT ends the transaction")
                .containsExactly(false, true);
    }

    @Test
    void anUpdateThatKeepsItsKeyStaysOneChange() {
        ChangeEvent update = update(Changes.order(7, "1.00"), Changes.order(7, "2.00"), null);
        assertThat(splitter(true).split(update)).containsExactly(update);
    }

    @Test
    void splittingCanBeTurnedOff() {
        ChangeEvent update = update(Changes.order(7, "1.00"), Changes.order(8, "1.00"), null);
        assertThat(splitter(false).split(update)).containsExactly(update);
    }

    @Test
    void aShardingColumnChangeSplitsEvenWhenThePrimaryKeyStays() {
        PartitionKey byAmount = new PartitionKey(new ValueRenderer(ZoneOffset.UTC), (db, t) -> List.of("amount"));
        ChangeEvent update = update(Changes.order(7, "1.00"), Changes.order(7, "2.00"), null);
        assertThat(new KeyChangeSplitter(byAmount, sequence, true).split(update)).hasSize(2);
    }

    @Test
    void theConnectorsEnvelopeIsSplitAsDebeziumSplitsAPrimaryKeyChange() {
        Schema row = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).build();
        Schema envelope = SchemaBuilder.struct().field("before", row).field("after", row)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct origin = new Struct(envelope).put("before", new Struct(row).put("id", 7L))
                .put("after", new Struct(row).put("id", 8L)).put("op", "u");

        List<ChangeEvent> parts = splitter(true).split(update(Changes.order(7, "1.00"), Changes.order(8, "1.00"), origin));

        Struct delete = (Struct) parts.get(0).origin();
        Struct insert = (Struct) parts.get(1).origin();
        assertThat(delete.getString("op")).isEqualTo("d");
        assertThat(delete.get("after")).isNull();
        assertThat(delete.getStruct("before").getInt64("id")).isEqualTo(7L);
        assertThat(insert.getString("op")).isEqualTo("c");
        assertThat(insert.get("before")).isNull();
        assertThat(insert.getStruct("after").getInt64("id")).isEqualTo(8L);
        assertThat(origin.getString("op")).as("the original stays untouched").isEqualTo("u");
    }

    private KeyChangeSplitter splitter(boolean enabled) {
        return new KeyChangeSplitter(new PartitionKey(new ValueRenderer(ZoneOffset.UTC), (db, t) -> List.of()), sequence,
                enabled);
    }

    private static ChangeEvent update(Map<String, Object> before, Map<String, Object> after, Object origin) {
        ChangeEvent plain = Changes.orders(Operation.UPDATE, before, after, new TransactionInfo("0-1-49", 1, 1, true), false);
        return new ChangeEvent(plain.database(), plain.table(), plain.operation(), plain.before(), plain.after(),
                plain.columnTypes(), plain.keyColumns(), plain.position(), plain.transaction(), plain.commitTime(),
                plain.commitSequence(), false, "", origin);
    }
}
