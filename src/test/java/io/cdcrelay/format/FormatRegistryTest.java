package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.cdcrelay.config.SettingsException;
import org.junit.jupiter.api.Test;

class FormatRegistryTest {

    private final FormatRegistry registry = FormatRegistry.standard(TestFormatOptions.of(false));

    @Test
    void anUnknownFormatIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> registry.select("json", Map.of())).isInstanceOf(SettingsException.class)
                .hasMessage("relay.format=json is not a wire format: use one of default, default-extend-column-type, "
                        + "canal, dataworks, shareplex, debezium.");
    }

    @Test
    void aTopicCanHaveItsOwnFormatAndAnUnknownOneNamesItsKey() {
        FormatSelection selection = registry.select("default", Map.of("orders", "canal"));
        assertThat(selection.forTopic("orders").name()).isEqualTo("canal");
        assertThat(selection.forTopic("other").name()).isEqualTo("default");
        assertThatThrownBy(() -> registry.select("default", Map.of("orders", "xml")))
                .hasMessageStartingWith("relay.format.topic.orders=xml is not a wire format");
    }
}
