package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.cdcrelay.config.WireFormatName;
import org.junit.jupiter.api.Test;

class FormatRegistryTest {

    private final FormatRegistry registry = FormatRegistry.standard(TestFormatOptions.of(false));

    @Test
    void everyFormatNameTheSettingsAcceptHasItsFormat() {
        for (WireFormatName name : WireFormatName.values()) {
            assertThat(registry.select(name, Map.of()).forTopic("any").name()).isEqualTo(name.value());
        }
    }

    @Test
    void aTopicCanHaveItsOwnFormat() {
        FormatSelection selection = registry.select(WireFormatName.DEFAULT, Map.of("orders", WireFormatName.CANAL));
        assertThat(selection.forTopic("orders").name()).isEqualTo("canal");
        assertThat(selection.forTopic("other").name()).isEqualTo("default");
    }
}
