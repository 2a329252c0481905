package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class IncludeListsTest {

    @Test
    void aTableListGetsTheAddedTablesAndTheirDatabases() {
        Properties engine = new Properties();
        engine.setProperty(IncludeLists.DATABASES, "shop");
        engine.setProperty(IncludeLists.TABLES, "shop.orders");

        IncludeLists.widen(engine, List.of("shop.late", "billing.cdc_relay_signal"));

        assertThat(engine.getProperty(IncludeLists.DATABASES)).isEqualTo("shop,billing");
        assertThat(matches(engine, "shop.orders")).isTrue();
        assertThat(matches(engine, "shop.late")).isTrue();
        assertThat(matches(engine, "billing.cdc_relay_signal")).isTrue();
        assertThat(matches(engine, "shop.latex")).as("exact names only").isFalse();
        assertThat(matches(engine, "billing.invoices")).isFalse();
    }

    @Test
    void wholeDatabasesStayWholeAndATableOfAnotherDatabaseJoinsAlone() {
        Properties engine = new Properties();
        engine.setProperty(IncludeLists.DATABASES, "shop");

        IncludeLists.widen(engine, List.of("shop.cdc_relay_signal"));
        assertThat(engine.getProperty(IncludeLists.TABLES)).as("shop is captured whole already").isNull();

        IncludeLists.widen(engine, List.of("billing.invoices"));
        assertThat(engine.getProperty(IncludeLists.DATABASES)).isEqualTo("shop,billing");
        assertThat(matches(engine, "shop.anything")).isTrue();
        assertThat(matches(engine, "billing.invoices")).isTrue();
        assertThat(matches(engine, "billing.payments")).isFalse();
    }

    @Test
    void withoutIncludeListsEverythingIsCapturedAlready() {
        Properties engine = new Properties();
        IncludeLists.widen(engine, List.of("billing.invoices"));
        assertThat(engine).isEmpty();
    }

    private static boolean matches(Properties engine, String table) {
        return List.of(engine.getProperty(IncludeLists.TABLES).split(",")).stream()
                .anyMatch(p -> Pattern.compile(p).matcher(table).matches());
    }
}
