package io.cdcrelay.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenameStatementTest {

    @Test
    void theOldNameIsReadFromBothFormsOfRename() {
        assertThat(RenameStatement.oldName("RENAME TABLE shop.a TO shop.b")).hasValueSatisfying(
                n -> assertThat(n).containsExactly("shop", "a"));
        assertThat(RenameStatement.oldName("rename table `a` to `b`")).hasValueSatisfying(
                n -> assertThat(n).containsExactly("", "a"));
        assertThat(RenameStatement.oldName("ALTER TABLE `shop`.`a` RENAME TO b")).hasValueSatisfying(
                n -> assertThat(n).containsExactly("shop", "a"));
    }

    @Test
    void renamingAColumnOrIndexIsNoTableRename() {
        assertThat(RenameStatement.oldName("ALTER TABLE a RENAME COLUMN x TO y")).isEmpty();
        assertThat(RenameStatement.oldName("ALTER TABLE a RENAME INDEX i TO j")).isEmpty();
        assertThat(RenameStatement.oldName("ALTER TABLE a ADD COLUMN c INT")).isEmpty();
    }
}
