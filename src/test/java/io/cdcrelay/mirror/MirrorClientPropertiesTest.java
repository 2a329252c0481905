package io.cdcrelay.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import io.cdcrelay.config.MirrorSettings;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SettingsException;
import org.junit.jupiter.api.Test;

class MirrorClientPropertiesTest {

    @Test
    void aDeadInstanceIsDetectedWithinTenSecondsWithHeartbeatsEverySecondByDefault() {
        Properties consumer = MirrorClientProperties.consumer(mirror(new Properties()));
        assertThat(consumer.getProperty("session.timeout.ms")).isEqualTo("10000");
        assertThat(consumer.getProperty("heartbeat.interval.ms")).isEqualTo("1000");
    }

    @Test
    void theUsersSourcePropertiesWinOverTheMirrorsDefaults() {
        Properties user = new Properties();
        user.setProperty("relay.mirror.source.properties.session.timeout.ms", "45000");
        user.setProperty("relay.mirror.source.properties.heartbeat.interval.ms", "3000");
        Properties consumer = MirrorClientProperties.consumer(mirror(user));
        assertThat(consumer.getProperty("session.timeout.ms")).isEqualTo("45000");
        assertThat(consumer.getProperty("heartbeat.interval.ms")).isEqualTo("3000");
    }

    @Test
    void aShorterSessionTimeoutAboveTheDefaultHeartbeatIsAccepted() {
        Properties user = new Properties();
        user.setProperty("relay.mirror.source.properties.session.timeout.ms", "6000");
        MirrorSettings mirror = mirror(user);

        assertThatCode(() -> KafkaMirrorComponent.validateClientSettings(mirror)).doesNotThrowAnyException();
        Properties consumer = MirrorClientProperties.consumer(mirror);
        assertThat(consumer.getProperty("session.timeout.ms")).isEqualTo("6000");
        assertThat(consumer.getProperty("heartbeat.interval.ms")).isEqualTo("1000");
    }

    @Test
    void aHeartbeatIntervalNotBelowTheSessionTimeoutStopsTheStartNamingBothKeys() {
        Properties user = new Properties();
        user.setProperty("relay.mirror.source.properties.session.timeout.ms", "1000");
        assertThatThrownBy(() -> KafkaMirrorComponent.validateClientSettings(mirror(user)))
                .isInstanceOf(SettingsException.class)
                .hasMessage("relay.mirror.source.properties.heartbeat.interval.ms=1000 is not lower than "
                        + "relay.mirror.source.properties.session.timeout.ms=1000, which Kafka's consumer refuses: set "
                        + "the heartbeat interval to a third of the session timeout or less.");
    }

    @Test
    void aSessionTimeoutTheSourceClusterRefusesIsNamedByTheRelaysKey() {
        assertThat(MirrorClientProperties.sessionTimeoutRefused(MirrorClientProperties.consumer(mirror(new Properties()))))
                .isEqualTo("the source cluster refuses relay.mirror.source.properties.session.timeout.ms=10000 "
                        + "(outside its group.min.session.timeout.ms and group.max.session.timeout.ms): set it within "
                        + "that range");
    }

    private static MirrorSettings mirror(Properties extra) {
        Properties p = new Properties();
        p.setProperty("relay.cdc.enabled", "false");
        p.setProperty("relay.mirror.enabled", "true");
        p.setProperty("relay.mirror.source.bootstrap-servers", "source:9092");
        p.setProperty("relay.mirror.destination.bootstrap-servers", "destination:9092");
        p.setProperty("relay.mirror.topics", "orders");
        p.putAll(extra);
        return RelaySettings.from(p).mirror().orElseThrow();
    }
}
