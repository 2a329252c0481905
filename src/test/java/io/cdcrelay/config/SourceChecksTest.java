package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.cdcrelay.change.KeyCatalog;
import org.junit.jupiter.api.Test;

class SourceChecksTest {

    private static final KeyCatalog KEYS = new KeyCatalog() {
        @Override
        public List<String> keyColumns(String database, String table) {
            return List.of("id");
        }

        @Override
        public void invalidate(String database, String table) {
        }
    };

    @Test
    void aColumnSelectionExcludesEveryOtherColumnButKeepsTheKeyAndShardingColumns() {
        SourceSettings source = new SourceSettings(SourceSettings.Flavor.MARIADB, List.of(new SourceServer("h", 1)), "u", "p", 1, "n", List.of(),
                List.of(), Map.of("shop.orders", List.of("amount")), Map.of(), SnapshotSettings.off());
        PartitioningSettings partitioning = new PartitioningSettings(PartitioningSettings.Rule.HASH,
                Map.of("shop.orders", List.of("customer")), true);

        String list = new SourceChecks(source, partitioning, null, KEYS).columnExcludeList().orElseThrow();

        Pattern excluded = Pattern.compile(list);
        assertThat(excluded.matcher("shop.orders.note").matches()).isTrue();
        assertThat(excluded.matcher("shop.orders.added_later").matches()).isTrue();
        assertThat(excluded.matcher("shop.orders.amount").matches()).isFalse();
        assertThat(excluded.matcher("shop.orders.id").matches()).as("key").isFalse();
        assertThat(excluded.matcher("shop.orders.customer").matches()).as("sharding column").isFalse();
        assertThat(excluded.matcher("shop.orders.amount_old").matches()).isTrue();
        assertThat(excluded.matcher("shop.customers.note").matches()).as("another table").isFalse();
        assertThat(list).as("Debezium splits its lists on commas").doesNotContain(",");
    }

    @Test
    void withoutAColumnSelectionNothingIsExcluded() {
        SourceSettings source = new SourceSettings(SourceSettings.Flavor.MARIADB, List.of(new SourceServer("h", 1)), "u", "p", 1, "n", List.of(),
                List.of(), Map.of(), Map.of(), SnapshotSettings.off());
        assertThat(new SourceChecks(source, new PartitioningSettings(PartitioningSettings.Rule.HASH, Map.of(), true),
                null, KEYS).columnExcludeList()).isEmpty();
    }
}
