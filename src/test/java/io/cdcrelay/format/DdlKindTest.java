package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DdlKindTest {

    @Test
    void statementsAreClassifiedByTheirLeadingKeywords() {
        assertThat(DdlKind.of("CREATE TABLE t (id INT)")).isEqualTo(DdlKind.CREATE);
        assertThat(DdlKind.of("  alter table t add c int")).isEqualTo(DdlKind.ALTER);
        assertThat(DdlKind.of("DROP TABLE t")).isEqualTo(DdlKind.DROP);
        assertThat(DdlKind.of("TRUNCATE TABLE `shop`.`t`")).isEqualTo(DdlKind.TRUNCATE);
        assertThat(DdlKind.of("RENAME TABLE a TO b")).isEqualTo(DdlKind.RENAME);
        assertThat(DdlKind.of("ALTER TABLE a RENAME TO b")).isEqualTo(DdlKind.RENAME);
        assertThat(DdlKind.of("CREATE UNIQUE INDEX i ON t (c)")).isEqualTo(DdlKind.CREATE_INDEX);
        assertThat(DdlKind.of("DROP INDEX i ON t")).isEqualTo(DdlKind.DROP_INDEX);
        assertThat(DdlKind.of("GRANT SELECT ON t TO u")).isEqualTo(DdlKind.OTHER);
    }

    @Test
    void eachFormatNamesTheKindsInItsOwnVocabulary() {
        assertThat(DdlKind.DROP.canal()).isEqualTo("ERASE");
        assertThat(DdlKind.CREATE_INDEX.canal()).isEqualTo("CINDEX");
        assertThat(DdlKind.DROP_INDEX.canal()).isEqualTo("DINDEX");
        assertThat(DdlKind.OTHER.canal()).isEqualTo("QUERY");
        assertThat(DdlKind.DROP.dataworks()).isEqualTo("ERASE");
        assertThat(DdlKind.DROP.keyword()).isEqualTo("DROP");
    }
}
