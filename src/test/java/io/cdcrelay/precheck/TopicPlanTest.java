package io.cdcrelay.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.cdcrelay.config.TopicSettings;
import io.cdcrelay.topic.TopicNameRule;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    @Test
    void tablesMappedToOneTopicAreCheckedOnce() {
        TopicNameRule rule = new TopicNameRule(new TopicSettings("Topic_${database}_${table}",
                Map.of("shop.orders", "shop-stream", "shop.customers", "shop-stream"), 3, (short) 1, true));
        TopicPlan plan = TopicPlan.of(List.of("shop.customers", "shop.orders", "shop.items"), rule);
        assertThat(plan.topics()).containsExactly(Map.entry("shop-stream", "shop.customers"),
                Map.entry("Topic_shop_items", "shop.items"));
        assertThat(plan.unmappable()).isEmpty();
    }

    @Test
    void aTableWhoseTopicNameIsInvalidFailsTheTopicsLine() {
        TopicNameRule rule = new TopicNameRule(new TopicSettings("${table}", Map.of(), 3, (short) 1, true));
        TopicPlan plan = TopicPlan.of(List.of("shop.ab"), rule);
        assertThat(TopicPlan.result(plan.unmappable()).line()).startsWith("FAIL  topics: table shop.ab maps to topic 'ab'")
                .endsWith("— fix: map such tables with relay.topic.map.<db>.<table>");
    }

    @Test
    void theTopicsLineNamesOnlyTheFailingTopics() {
        List<TopicPlan.Outcome> outcomes = new java.util.ArrayList<>(List.of(TopicPlan.Outcome.ok("a present (3 partitions)")));
        outcomes.addAll(TopicPlan.missingWithoutSchema(List.of("b", "c")));
        assertThat(TopicPlan.result(outcomes).line()).isEqualTo("FAIL  topics: b, c do not exist and relay.sync-types "
                + "has no schema — fix: create them, or add schema to relay.sync-types");
    }

    @Test
    void usableTopicsPassWithWhatWasFound() {
        assertThat(TopicPlan.result(List.of(TopicPlan.Outcome.ok("a present (3 partitions)"),
                TopicPlan.Outcome.ok("b to be created (3 partitions)"))).line())
                .isEqualTo("PASS  topics: a present (3 partitions), b to be created (3 partitions)");
    }

    @Test
    void aLongListIsCutAfterFiveNames() {
        assertThat(Listing.some(List.of("a", "b", "c", "d", "e", "f", "g"))).isEqualTo("a, b, c, d, e and 2 more");
    }
}
