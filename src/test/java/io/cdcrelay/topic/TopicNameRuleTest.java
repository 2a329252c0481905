package io.cdcrelay.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.TopicSettings;
import org.junit.jupiter.api.Test;

class TopicNameRuleTest {

    @Test
    void theDefaultRuleNamesOneTopicPerTable() {
        assertThat(rule("Topic_${database}_${table}", Map.of()).topicOf("shop", "orders")).isEqualTo("Topic_shop_orders");
    }

    @Test
    void anExplicitMappingWinsAndSeveralTablesMayShareATopic() {
        TopicNameRule rule = rule("Topic_${database}_${table}", Map.of("shop.orders", "sales", "shop.refunds", "sales"));
        assertThat(rule.topicOf("shop", "orders")).isEqualTo("sales");
        assertThat(rule.topicOf("shop", "refunds")).isEqualTo("sales");
        assertThat(rule.topicOf("shop", "customers")).isEqualTo("Topic_shop_customers");
    }

    @Test
    void aFixedRuleSendsEveryTableToOneTopic() {
        assertThat(rule("all-changes", Map.of()).topicOf("a", "b")).isEqualTo("all-changes");
    }

    @Test
    void invalidTopicNamesAreRefusedAtStartWithTheName() {
        assertThatThrownBy(() -> rule("x", Map.of())).isInstanceOf(SettingsException.class)
                .hasMessage("relay.topic.name gives topic name 'x', which is not valid: use 3 to 64 letters, "
                        + "digits, '.', '_' or '-'.");
        assertThatThrownBy(() -> rule("Topic_${table}", Map.of("shop.orders", "bad topic")))
                .hasMessageStartingWith("relay.topic.map.shop.orders gives topic name 'bad topic'");
    }

    @Test
    void aTableWhoseNameMakesAnInvalidTopicIsNamedInTheError() {
        assertThatThrownBy(() -> rule("T_${table}", Map.of()).topicOf("shop", "weird$name"))
                .hasMessageContaining("shop.weird$name").hasMessageContaining("relay.topic.map.shop.weird$name");
    }

    private static TopicNameRule rule(String rule, Map<String, String> explicit) {
        return new TopicNameRule(new TopicSettings(rule, explicit, 3, (short) 1, true));
    }
}
