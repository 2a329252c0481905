package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MirrorSettingsTest {

    @Test
    void theDefaultsOfDesignMdApply() {
        MirrorSettings m = MirrorSettings.from(new PropertyReader(minimal()));
        assertThat(m.groupId()).isEqualTo("cdc-relay-mirror");
        assertThat(m.startOffset()).isEqualTo(MirrorSettings.StartOffset.LATEST);
        assertThat(m.topicRule().keepsNames()).isTrue();
        assertThat(m.partitionPolicy()).isEqualTo(MirrorSettings.Policy.SAME);
        assertThat(m.destinationPartitions()).isEqualTo(3);
    }

    @Test
    void passThroughPropertiesLoseTheirPrefix() {
        Properties p = minimal();
        p.setProperty("relay.mirror.source.properties.security.protocol", "SASL_SSL");
        p.setProperty("relay.mirror.destination.properties.linger.ms", "20");
        MirrorSettings m = MirrorSettings.from(new PropertyReader(p));
        assertThat(m.source()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(m.destination()).containsEntry("linger.ms", "20");
    }

    @Test
    void topicsAreAListOfExactNamesOrOneRegularExpression() {
        assertThat(MirrorSettings.topics("orders, orders.v1").matcher("orders.v1").matches()).isTrue();
        assertThat(MirrorSettings.topics("orders, orders.v1").matcher("ordersXv1").matches()).as("a dot is a dot").isFalse();
        assertThat(MirrorSettings.topics("shop\\..*").matcher("shop.orders").matches()).isTrue();
        assertThatThrownBy(() -> MirrorSettings.topics("shop(")).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("relay.mirror.topics=shop( is neither a list of topic names nor a regular expression");
    }

    @Test
    void aStartTimeIsIsoOrEpochMillisAndRequiredForStartOffsetTime() {
        assertThat(MirrorSettings.instant("2026-11-21T13:05:09Z")).isEqualTo(Instant.parse("2026-11-21T13:05:09Z"));
        assertThat(MirrorSettings.instant("1795252356000")).isEqualTo(Instant.ofEpochMilli(1795252356000L));
        Properties p = minimal();
        p.setProperty("relay.mirror.start-offset", "time");
        assertThatThrownBy(() -> MirrorSettings.from(new PropertyReader(p))).hasMessage(
                "relay.mirror.start-offset=time needs relay.mirror.start-time: set it to an ISO-8601 time or epoch milliseconds.");
        p.setProperty("relay.mirror.start-time", "yesterday");
        assertThatThrownBy(() -> MirrorSettings.from(new PropertyReader(p))).hasMessageStartingWith(
                "relay.mirror.start-time=yesterday is not a time");
    }

    @Test
    void aMirrorOnlyRelayNeedsNoDatabaseAndNoSink() {
        Properties p = minimal();
        p.setProperty("relay.cdc.enabled", "false");
        p.setProperty("relay.mirror.enabled", "true");
        RelaySettings settings = RelaySettings.from(p);
        assertThat(settings.capture()).isEmpty();
        assertThat(settings.mirror().orElseThrow().topics().matcher("orders").matches()).isTrue();
    }

    @Test
    void withNeitherCdcNorMirrorTheStartStopsWithTheFix() {
        Properties p = minimal();
        p.setProperty("relay.cdc.enabled", "false");
        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class).hasMessage(
                "relay.cdc.enabled=false with relay.mirror.enabled=false leaves nothing to run: set "
                        + "relay.cdc.enabled=true, relay.mirror.enabled=true or both.");
    }

    @Test
    void theMirrorNeedsItsClustersAndTopics() {
        Properties p = new Properties();
        p.setProperty("relay.cdc.enabled", "false");
        p.setProperty("relay.mirror.enabled", "true");
        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("relay.mirror.source.bootstrap-servers");
    }

    @Test
    void mirroringATopicIntoItselfIsRefused() {
        Properties p = minimal();
        p.setProperty("relay.mirror.destination.bootstrap-servers", "a:9092");
        assertThatThrownBy(() -> MirrorSettings.from(new PropertyReader(p))).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("relay.mirror.topic-rule=#{source_topic_name} with the same source and "
                        + "destination cluster would copy every record into the topic it came from");
        p.setProperty("relay.mirror.topic-rule", "copy.#{source_topic_name}");
        assertThat(MirrorSettings.from(new PropertyReader(p)).topicRule()).hasToString("copy.#{source_topic_name}");
    }

    private static Properties minimal() {
        Properties p = new Properties();
        p.setProperty("relay.mirror.source.bootstrap-servers", "a:9092");
        p.setProperty("relay.mirror.destination.bootstrap-servers", "b:9092");
        p.setProperty("relay.mirror.topics", "orders");
        return p;
    }
}
