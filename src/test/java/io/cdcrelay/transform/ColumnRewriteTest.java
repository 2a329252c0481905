package io.cdcrelay.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdcrelay.change.ChangeEvent;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Each column step on a change: its images, types, key columns and the connector's value move together. */
class ColumnRewriteTest {

    private final ChangeEvent update = CustomerChanges.update();

    @Test
    void droppingAColumnRemovesItFromBothImagesTheTypesTheKeyAndTheConnectorsValue() {
        ChangeEvent dropped = new RewrittenChange(new DropColumns(Set.of("email"))).apply(update);

        assertThat(dropped.before()).containsOnlyKeys("id", "phone");
        assertThat(dropped.after()).containsOnlyKeys("id", "phone");
        assertThat(dropped.columnTypes()).containsOnlyKeys("id", "phone");
        assertThat(dropped.keyColumns()).containsExactly("id");
        Struct after = ((Struct) dropped.origin()).getStruct("after");
        assertThat(after.schema().field("email")).isNull();
        assertThat(after.getInt64("id")).isEqualTo(7L);
        assertThat(((Struct) dropped.origin()).getStruct("source").getString("table")).isEqualTo("customers");
    }

    @Test
    void maskingWithSaltedSha256GivesTheSameTextForTheSameValueOnlyUnderTheSameSalt() {
        ChangeEvent masked = new RewrittenChange(MaskColumns.withSha256(Set.of("email"), "s3cret")).apply(update);
        ChangeEvent again = new RewrittenChange(MaskColumns.withSha256(Set.of("email"), "s3cret")).apply(update);
        ChangeEvent otherSalt = new RewrittenChange(MaskColumns.withSha256(Set.of("email"), "other")).apply(update);

        String hash = (String) masked.before().get("email");
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(again.before().get("email"))
                .isNotEqualTo(otherSalt.before().get("email")).isNotEqualTo(masked.after().get("email"));
        assertThat(masked.before().get("phone")).as("NULL stays NULL").isNull();
        assertThat(masked.columnTypes().get("email")).isEqualTo(MaskColumns.MASKED);
        assertThat(masked.keyColumns()).containsExactly("id", "email");
        Struct before = ((Struct) masked.origin()).getStruct("before");
        assertThat(before.getString("email")).as("the connector's value carries the same text").isEqualTo(hash);
    }

    @Test
    void maskingWithTextReplacesEveryValueOfTheColumn() {
        ChangeEvent masked = new RewrittenChange(MaskColumns.withText(Set.of("email", "phone"), "***")).apply(update);

        assertThat(masked.after()).containsExactlyEntriesOf(orderedOf("id", 7L, "email", "***", "phone", null));
        assertThat(((Struct) masked.origin()).getStruct("after").getString("email")).isEqualTo("***");
    }

    @Test
    void renamingAColumnKeepsItsValueAndPlaceUnderTheNewName() {
        ChangeEvent renamed = new RewrittenChange(new RenameColumns(Map.of("email", "contact"))).apply(update);

        assertThat(List.copyOf(renamed.after().keySet())).containsExactly("id", "contact", "phone");
        assertThat(renamed.after().get("contact")).isEqualTo(CustomerChanges.NEW_EMAIL);
        assertThat(renamed.columnTypes()).containsKey("contact").doesNotContainKey("email");
        assertThat(renamed.keyColumns()).containsExactly("id", "contact");
        assertThat(((Struct) renamed.origin()).getStruct("after").getString("contact"))
                .isEqualTo(CustomerChanges.NEW_EMAIL);
    }

    private static Map<String, Object> orderedOf(Object... entries) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }
}
