package io.cdcrelay.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.cdcrelay.change.JdbcKeyCatalog.UniqueIndex;
import org.junit.jupiter.api.Test;

class JdbcKeyCatalogTest {

    @Test
    void thePrimaryKeyWinsOverEveryUniqueKey() {
        assertThat(JdbcKeyCatalog.chooseKey(List.of(index("a_uk", false, "x"), index("PRIMARY", false, "id", "v"))))
                .containsExactly("id", "v");
    }

    @Test
    void withoutAPrimaryKeyTheNonNullUniqueKeyWithTheFewestColumnsIsChosen() {
        assertThat(JdbcKeyCatalog.chooseKey(List.of(index("wide", false, "a", "b"), index("narrow", false, "c"))))
                .containsExactly("c");
    }

    @Test
    void aUniqueKeyWithANullableColumnIsNotAKey() {
        assertThat(JdbcKeyCatalog.chooseKey(List.of(index("nullable", true, "email"), index("code", false, "a", "b"))))
                .containsExactly("a", "b");
    }

    @Test
    void equallyNarrowKeysAreChosenByIndexName() {
        assertThat(JdbcKeyCatalog.chooseKey(List.of(index("uk_z", false, "z"), index("uk_a", false, "a"))))
                .containsExactly("a");
    }

    @Test
    void aTableWithNoUsableKeyHasNone() {
        assertThat(JdbcKeyCatalog.chooseKey(List.of(index("nullable", true, "email")))).isEmpty();
    }

    private static UniqueIndex index(String name, boolean nullable, String... columns) {
        UniqueIndex index = new UniqueIndex(name);
        index.columns.addAll(List.of(columns));
        index.nullable = nullable;
        return index;
    }
}
