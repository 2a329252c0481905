package io.cdcrelay.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** SHOW GRANTS texts as MySQL 5.7, MySQL 8 and MariaDB 10.5+ print them. */
class GrantsTest {

    @Test
    void mysql8MinimalGrantsLackNothing() {
        Grants grants = Grants.parse(List.of(
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `relay`@`%`"));
        assertThat(grants.missing(List.of("shop"))).isEmpty();
        assertThat(grants.allGlobal()).isFalse();
    }

    @Test
    void mariaDbPrintsBinlogMonitorForReplicationClientAndTheHashIsIgnored() {
        Grants grants = Grants.parse(List.of("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR "
                + "ON *.* TO `relay`@`%` IDENTIFIED BY PASSWORD '*A4B6157319038724E3560894F7F932C8886EBFCF'"));
        assertThat(grants.missing(List.of())).isEmpty();
    }

    @Test
    void allPrivilegesOnEverythingCoversEveryRequiredPrivilege() {
        assertThat(Grants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO `relay`@`%` IDENTIFIED BY PASSWORD "
                + "'*A4B6157319038724E3560894F7F932C8886EBFCF' WITH GRANT OPTION")).missing(List.of())).isEmpty();
        Grants mysql57 = Grants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION",
                "GRANT PROXY ON ''@'' TO 'root'@'localhost' WITH GRANT OPTION"));
        assertThat(mysql57.missing(List.of())).isEmpty();
        assertThat(mysql57.allGlobal()).isTrue();
    }

    @Test
    void mysql8RootListsEachPrivilegeAndDynamicOnesWithoutSpaces() {
        Grants grants = Grants.parse(List.of(
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, SHUTDOWN, PROCESS, FILE, REFERENCES, INDEX, "
                        + "ALTER, SHOW DATABASES, SUPER, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, REPLICATION SLAVE, "
                        + "REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, CREATE USER, EVENT, "
                        + "TRIGGER, CREATE TABLESPACE, CREATE ROLE, DROP ROLE ON *.* TO `root`@`localhost` WITH GRANT OPTION",
                "GRANT APPLICATION_PASSWORD_ADMIN,AUDIT_ABORT_EXEMPT,BACKUP_ADMIN,BINLOG_ADMIN ON *.* TO `root`@`localhost` "
                        + "WITH GRANT OPTION",
                "GRANT PROXY ON ``@`` TO `root`@`localhost` WITH GRANT OPTION"));
        assertThat(grants.missing(List.of())).isEmpty();
        assertThat(grants.byScope().get(Grants.Scope.GLOBAL)).contains("BINLOG_ADMIN");
    }

    @Test
    void theMissingPrivilegesAreNamedInTheRequiredOrder() {
        Grants grants = Grants.parse(List.of("GRANT USAGE ON *.* TO `relay`@`%`",
                "GRANT RELOAD, BINLOG MONITOR ON *.* TO `relay`@`%` IDENTIFIED BY PASSWORD '*0'"));
        assertThat(grants.missing(List.of("shop"))).containsExactly("SELECT", "SHOW DATABASES", "REPLICATION SLAVE");
    }

    @Test
    void selectOnEachCapturedDatabaseSufficesButTheOtherPrivilegesMustBeGlobal() {
        Grants grants = Grants.parse(List.of(
                "GRANT RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `relay`@`%`",
                "GRANT SELECT ON `shop`.* TO `relay`@`%`",
                "GRANT SELECT (`id`, `name`) ON `crm`.`people` TO `relay`@`%`",
                "GRANT ALL PRIVILEGES ON `stock`.* TO `relay`@`%`",
                "GRANT REPLICATION SLAVE ON `other`.* TO `relay`@`%`"));
        assertThat(grants.missing(List.of("shop", "crm", "stock"))).isEmpty();
        assertThat(grants.missing(List.of("shop", "billing"))).containsExactly("SELECT");
        assertThat(grants.missing(List.of())).as("nothing captured yet: only a global SELECT covers what comes")
                .containsExactly("SELECT");
    }

    @Test
    void databaseLevelGrantsMayUseWildcardsAndEscapedUnderscores() {
        Grants grants = Grants.parse(List.of(
                "GRANT RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `relay`@`%`",
                "GRANT SELECT ON `shop\\_%`.* TO `relay`@`%`"));
        assertThat(grants.missing(List.of("shop_eu", "shop_us"))).isEmpty();
        assertThat(grants.missing(List.of("shopxeu"))).containsExactly("SELECT");
    }

    @Test
    void routineGrantsAndProxyGrantsReadNoTable() {
        Grants grants = Grants.parse(List.of("GRANT EXECUTE ON PROCEDURE `shop`.`refresh` TO `relay`@`%`",
                "GRANT SELECT ON FUNCTION `shop`.`f` TO `relay`@`%`"));
        assertThat(grants.byScope()).isEmpty();
    }

    @Test
    void roleGrantsAreKeptSoAFailureCanNameThem() {
        Grants mysql = Grants.parse(List.of("GRANT USAGE ON *.* TO `relay`@`%`", "GRANT `cdc_reader`@`%` TO `relay`@`%`"));
        assertThat(mysql.roles()).containsExactly("`cdc_reader`@`%`");
        assertThat(mysql.missing(List.of())).hasSize(5);
        assertThat(Grants.parse(List.of("GRANT `cdc_reader` TO `relay`@`%`")).roles()).containsExactly("`cdc_reader`");
    }

    @Test
    void aScopeIsSplitOnTheDotOutsideQuotes() {
        assertThat(Grants.scope("`my.db`.`t`")).contains(new Grants.Scope("my.db", "t"));
        assertThat(Grants.scope("shop.*")).contains(new Grants.Scope("shop", "*"));
        assertThat(Grants.scope("*.*")).contains(Grants.Scope.GLOBAL);
        assertThat(Grants.scope("``@``")).isEmpty();
    }
}
