package io.cdcrelay.mirror;

import io.cdcrelay.config.MirrorSettings.Policy;
import io.cdcrelay.config.Parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.TopicRenameRule;
import org.junit.jupiter.api.Test;

class MirrorRulesTest {

    @Test
    void theTopicRuleExpandsTheSourceTopicName() {
        TopicRenameRule rule = rule("backup.#{source_topic_name}");
        assertThat(rule.destinationOf("orders")).isEqualTo("backup.orders");
        assertThat(rule.oneToOne()).isTrue();
        assertThat(rule("#{source_topic_name}").destinationOf("orders")).isEqualTo("orders");
    }

    @Test
    void aFixedRuleMapsManyTopicsToOne() {
        TopicRenameRule rule = rule("all-in-one");
        assertThat(rule.destinationOf("a")).isEqualTo(rule.destinationOf("b")).isEqualTo("all-in-one");
        assertThat(rule.oneToOne()).isFalse();
    }

    @Test
    void aRuleGivingNamesKafkaRefusesStopsTheStart() {
        assertThatThrownBy(() -> rule("backup/#{source_topic_name}")).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("relay.mirror.topic-rule=backup/#{source_topic_name} gives topic names such as 'backup/topic'");
    }

    @Test
    void zeroSendsEverythingToPartitionZero() {
        PartitionPolicy zero = PartitionPolicy.of(Policy.ZERO);
        assertThat(zero.destinationPartition(7)).isZero();
        assertThat(zero.minimumPartitions(12)).isEqualTo(1);
    }

    @Test
    void sameKeepsTheSourcePartitionAndNeedsAsManyPartitions() {
        PartitionPolicy same = PartitionPolicy.of(Policy.SAME);
        assertThat(same.destinationPartition(7)).isEqualTo(7);
        assertThat(same.minimumPartitions(12)).isEqualTo(12);
    }

    @Test
    void roundRobinLeavesThePartitionToTheProducer() {
        assertThat(PartitionPolicy.of(Policy.ROUND_ROBIN).destinationPartition(7)).isNull();
    }

    @Test
    void anUnknownPolicyIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> Parser.choice(Policy.class).parse("relay.mirror.partition-policy", "random")).hasMessage(
                "relay.mirror.partition-policy=random is not valid: use one of zero, same, round-robin.");
    }

    private static TopicRenameRule rule(String raw) {
        return TopicRenameRule.parse("relay.mirror.topic-rule", raw);
    }
}
