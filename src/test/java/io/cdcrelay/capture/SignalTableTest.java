package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SignalTableTest {

    @Test
    void theSignalIsDebeziumsIncrementalExecuteSnapshot() {
        SignalTable table = new SignalTable("shop.cdc_relay_signal");
        assertThat(table.payload(List.of("shop.orders", "shop.items")))
                .isEqualTo("{\"data-collections\":[\"shop.orders\",\"shop.items\"],\"type\":\"incremental\"}");
        assertThat(table.createStatement()).isEqualTo("CREATE TABLE IF NOT EXISTS `shop`.`cdc_relay_signal` "
                + "(id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data VARCHAR(2048) NULL)");
    }
}
