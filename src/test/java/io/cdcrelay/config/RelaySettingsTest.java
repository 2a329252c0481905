package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    @Test
    void aMinimalConfigurationGetsTheDocumentedDefaults() {
        RelaySettings s = RelaySettings.from(minimal());
        assertThat(s.embedded()).isFalse();
        assertThat(s.capture().orElseThrow().source().flavor()).isEqualTo(SourceSettings.Flavor.MYSQL);
        assertThat(s.capture().orElseThrow().source().port()).isEqualTo(3306);
        assertThat(s.capture().orElseThrow().source().serverId()).isEqualTo(5400);
        assertThat(s.capture().orElseThrow().source().name()).isEqualTo("relay");
        assertThat(s.syncTypes()).containsExactlyInAnyOrder(RelaySettings.SyncType.values());
        assertThat(s.formats().format()).isEqualTo(WireFormatName.DEFAULT);
        assertThat(s.topics().nameRule()).isEqualTo("Topic_${database}_${table}");
        assertThat(s.topics().partitions()).isEqualTo(3);
        assertThat(s.topics().createMissing()).isTrue();
        assertThat(s.delivery().offsetFlush()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.delivery().guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.delivery().positionsTopic()).isEqualTo("relay.positions");
    }

    @Test
    void exactlyOnceIsRefusedWhereItCannotHold() {
        Properties rocketmq = minimal();
        rocketmq.setProperty("relay.delivery.guarantee", "exactly-once");
        rocketmq.setProperty("relay.sink", "rocketmq");
        rocketmq.setProperty("relay.rocketmq.namesrv-addr", "127.0.0.1:9876");
        assertThatThrownBy(() -> RelaySettings.from(rocketmq)).hasMessage("relay.delivery.guarantee=exactly-once "
                + "needs relay.sink=kafka (it writes changes and position in one Kafka transaction): use at-least-once "
                + "with rocketmq.");
        Properties lanes = minimal();
        lanes.setProperty("relay.delivery.guarantee", "exactly-once");
        lanes.setProperty("relay.delivery.lanes", "2");
        assertThatThrownBy(() -> RelaySettings.from(lanes)).hasMessage("relay.delivery.lanes=2 does not go with "
                + "relay.delivery.guarantee=exactly-once, which commits changes in source order: set "
                + "relay.delivery.lanes to 1 or 0.");
        Properties deadLetters = minimal();
        deadLetters.setProperty("relay.delivery.guarantee", "exactly-once");
        deadLetters.setProperty("relay.dead-letter.topic", "parked");
        assertThatThrownBy(() -> RelaySettings.from(deadLetters))
                .hasMessageStartingWith("relay.dead-letter.topic does not go with relay.delivery.guarantee=exactly-once");
        assertRefused("relay.delivery.guarantee", "twice", "relay.delivery.guarantee=twice is not valid: use one of "
                + "at-least-once, exactly-once.");
    }

    @Test
    void exactlyOnceKeepsItsPositionsInATopicNamedAfterTheSource() {
        Properties p = minimal();
        p.setProperty("relay.delivery.guarantee", "exactly-once");
        p.setProperty("relay.source.name", "shop");
        assertThat(RelaySettings.from(p).delivery().exactlyOnce()).isTrue();
        assertThat(RelaySettings.from(p).delivery().positionsTopic()).isEqualTo("shop.positions");
    }

    @Test
    void anUnknownRelayKeyIsRefusedByName() {
        Properties p = minimal();
        p.setProperty("relay.topic.partiton", "3");
        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class)
                .hasMessage("relay.topic.partiton is not a cdc-relay setting: check its spelling against "
                        + "java -jar cdc-relay.jar --help-settings, or remove it.");
    }

    @Test
    void keysUnderAPassThroughPrefixAreAccepted() {
        Properties p = minimal();
        p.setProperty("relay.kafka.producer.linger.ms", "20");
        p.setProperty("relay.topic.map.shop.orders", "orders");
        RelaySettings s = RelaySettings.from(p);
        assertThat(((KafkaSettings) s.capture().orElseThrow().destination()).producer()).containsEntry("linger.ms", "20");
        assertThat(s.topics().explicit()).containsEntry("shop.orders", "orders");
    }

    @Test
    void invalidValuesNameTheKeyAndTheFix() {
        assertRefused("relay.source.port", "70000", "relay.source.port=70000 is not valid: use a whole number from 1 to 65535.");
        assertRefused("relay.source.flavor", "oracle", "relay.source.flavor=oracle is not valid: use one of mysql, mariadb.");
        assertRefused("relay.sync-types", "schema", "relay.sync-types=schema moves no data: add full, incremental or both.");
        assertRefused("relay.sync-types", "full,delta", "relay.sync-types contains delta, which is not a sync type: "
                + "use any of schema, full, incremental.");
        assertRefused("relay.delivery.timeout", "soon", "relay.delivery.timeout=soon is not a duration: write a whole "
                + "number with ms, s, m or h, for example 5s.");
        assertRefused("relay.time-zone", "Mars/Base", "relay.time-zone=Mars/Base is not a time zone: use an IANA name "
                + "such as UTC or Europe/Berlin.");
        assertRefused("relay.topic.map.orders", "x", "relay.topic.map.orders does not name a table: write "
                + "relay.topic.map.<database>.<table>=<topic>.");
    }

    @Test
    void missingRequiredSettingsSayWhatToSet() {
        Properties p = minimal();
        p.remove("relay.kafka.bootstrap-servers");
        assertThatThrownBy(() -> RelaySettings.from(p)).hasMessageStartingWith("relay.kafka.bootstrap-servers is not set:");
        Properties q = minimal();
        q.remove("relay.source.user");
        assertThatThrownBy(() -> RelaySettings.from(q)).hasMessageStartingWith("relay.source.user is not set:");
    }

    @Test
    void ruleOneHoldsTransactionsAndSendsThemOneAtATime() {
        Properties p = minimal();
        p.setProperty("relay.partitioning", "one");
        RelaySettings s = RelaySettings.from(p);
        assertThat(s.partitioning().rule()).isEqualTo(PartitioningSettings.Rule.ONE);
        assertThat(s.delivery().transactionBoundaries()).isTrue();
        assertThat(s.delivery().transactionAtATime()).isTrue();
    }

    @Test
    void shardingColumnsAndColumnSelectionsAreReadPerTable() {
        Properties p = minimal();
        p.setProperty("relay.sharding-columns.shop.orders", "customer, region");
        p.setProperty("relay.columns.shop.orders", "amount");
        RelaySettings s = RelaySettings.from(p);
        assertThat(s.partitioning().shardingColumnsOf("shop", "orders")).containsExactly("customer", "region");
        assertThat(s.capture().orElseThrow().source().columns())
                .containsEntry("shop.orders", java.util.List.of("amount"));
        assertRefused("relay.sharding-columns.orders", "a", "relay.sharding-columns.orders does not name a table: "
                + "write relay.sharding-columns.<database>.<table>=<column>,<column>.");
    }

    @Test
    void withoutSchemaTheRelayCreatesNoTopics() {
        Properties p = minimal();
        p.setProperty("relay.sync-types", "incremental");
        assertThat(RelaySettings.from(p).topics().createMissing()).isFalse();
    }

    @Test
    void theStartTimestampIsEpochSecondsOrIsoWithAnOffset() {
        Properties p = minimal();
        p.setProperty("relay.sync-types", "schema,incremental");
        assertThat(RelaySettings.from(p).startTimestamp()).isEmpty();
        p.setProperty("relay.incremental.start-timestamp", "1795260915");
        assertThat(RelaySettings.from(p).startTimestamp()).contains(java.time.Instant.ofEpochSecond(1795260915));
        p.setProperty("relay.incremental.start-timestamp", "2026-11-21T08:00:00Z");
        assertThat(RelaySettings.from(p).startTimestamp()).contains(java.time.Instant.parse("2026-11-21T08:00:00Z"));
        p.setProperty("relay.incremental.start-timestamp", "2026-11-21T10:00:00.250+02:00");
        assertThat(RelaySettings.from(p).startTimestamp()).contains(java.time.Instant.parse("2026-11-21T08:00:00.250Z"));
    }

    @Test
    void aMalformedStartTimestampOrOneWithFullIsRefused() {
        Properties p = minimal();
        p.setProperty("relay.sync-types", "schema,incremental");
        String key = "relay.incremental.start-timestamp";
        for (String wrong : new String[] {"yesterday", "2026-11-21T08:00:00", "2026-11-21", "-5", "1795260915.5"}) {
            p.setProperty(key, wrong);
            assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class)
                    .hasMessage(key + "=" + wrong + " is not a time: write epoch seconds (1795260915) or ISO-8601 "
                            + "with a zone offset (2026-11-21T08:00:00Z or 2026-11-21T10:00:00+02:00).");
        }
        p.setProperty(key, "1795260915000");
        assertThatThrownBy(() -> RelaySettings.from(p)).hasMessage(key + "=1795260915000 looks like epoch "
                + "milliseconds: write epoch seconds (1795260915) or ISO-8601 with a zone offset (2026-11-21T08:00:00Z).");

        Properties withFull = minimal();
        withFull.setProperty(key, "1795260915");
        assertThatThrownBy(() -> RelaySettings.from(withFull)).isInstanceOf(SettingsException.class)
                .hasMessage(key + " cannot be combined with full in relay.sync-types, whose snapshot already decides "
                        + "where the binlog starts: remove full (relay.sync-types=schema,incremental) or remove " + key + ".");
        withFull.setProperty("relay.sync-types", "full");
        assertThatThrownBy(() -> RelaySettings.from(withFull)).hasMessageStartingWith(key + " cannot be combined with full");
    }

    @Test
    void thePasswordNeverAppearsInTheSourcesText() {
        Properties p = minimal();
        p.setProperty("relay.source.password", "s3cr3t");
        assertThat(RelaySettings.from(p).capture().orElseThrow().source().toString()).doesNotContain("s3cr3t");
    }

    private static void assertRefused(String key, String value, String sentence) {
        Properties p = minimal();
        p.setProperty(key, value);
        assertThatThrownBy(() -> RelaySettings.from(p)).isInstanceOf(SettingsException.class).hasMessage(sentence);
    }

    @Test
    void theSignalTableDefaultsToTheFirstSelectedDatabaseAndIsNeverCaptured() {
        Properties p = minimal();
        p.setProperty("relay.source.databases", "shop,billing");
        SourceSettings source = RelaySettings.from(p).capture().orElseThrow().source();
        assertThat(source.snapshot().signalTable()).contains("shop.cdc_relay_signal");
        assertThat(source.snapshot().chunkSize()).isEqualTo(1024);
        assertThat(source.captures("shop", "orders")).isTrue();
        assertThat(source.captures("shop", "cdc_relay_signal")).isFalse();

        Properties byTable = minimal();
        byTable.setProperty("relay.source.tables", "stock.items,shop.orders");
        assertThat(RelaySettings.from(byTable).capture().orElseThrow().source().snapshot().signalTable())
                .contains("stock.cdc_relay_signal");
        assertThat(RelaySettings.from(minimal()).capture().orElseThrow().source().snapshot().signalTable())
                .as("no database to put it in")
                .isEmpty();
    }

    @Test
    void aSignalTableThatIsNoTableNameStopsTheStart() {
        Properties p = minimal();
        p.setProperty("relay.snapshot.signal-table", "signals");
        assertThatThrownBy(() -> RelaySettings.from(p)).hasMessage("relay.snapshot.signal-table=signals is not valid: "
                + "use <database>.<table> (letters, digits, '_' and '$'), or none.");
        p.setProperty("relay.snapshot.signal-table", "none");
        p.setProperty("relay.snapshot.chunk-size", "200");
        assertThat(RelaySettings.from(p).capture().orElseThrow().source().snapshot().signalTable()).isEmpty();
        assertThat(RelaySettings.from(p).capture().orElseThrow().source().snapshot().chunkSize()).isEqualTo(200);
    }

    static Properties minimal() {
        Properties p = new Properties();
        p.setProperty("relay.source.user", "relay");
        p.setProperty("relay.kafka.bootstrap-servers", "127.0.0.1:9092");
        return p;
    }
}
