package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.debezium.connector.mariadb.MariaDbConnector;
import io.debezium.connector.mariadb.gtid.MariaDbGtidSet;
import io.debezium.data.Envelope.Operation;
import io.debezium.pipeline.meters.CommonEventMeter;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.spi.schema.DataCollectionId;
import io.debezium.util.Clock;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * The Debezium classes the relay carries (io.debezium.pipeline.meters, io.debezium.connector.mariadb.gtid) are the ones
 * loaded, and still fit Debezium.
 */
class CarriedDebeziumClassesTest {

    /** When this fails, Debezium moved: drop the carried class if the new release has the fix, else carry it anew. */
    @Test
    void theCarriedMeterWasTakenFromTheDebeziumOnTheClassPath() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = EventMetadataProvider.class.getResourceAsStream(
                "/META-INF/maven/io.debezium/debezium-core/pom.properties")) {
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).isEqualTo("3.4.0.Final");
        assertThat(CommonEventMeter.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .doesNotContain("debezium-core");
    }

    /** When this fails, Debezium moved: 3.6.0 and later have the fix, and the carried class can go. */
    @Test
    void theCarriedGtidSetWasTakenFromTheMariaDbConnectorOnTheClassPath() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = MariaDbConnector.class.getResourceAsStream(
                "/META-INF/maven/io.debezium/debezium-connector-mariadb/pom.properties")) {
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).isEqualTo("3.4.0.Final");
        assertThat(MariaDbGtidSet.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .doesNotContain("debezium-connector-mariadb");
    }

    @Test
    void aPositionWrittenByTheOldPrimaryIsWithinThePromotedReplicasGtids() {
        // the replica's binlog holds 0-1-1..2516 from the primary, then its own 0-2-2517..
        assertThat(new MariaDbGtidSet("0-1-408").isContainedWithin(new MariaDbGtidSet("0-2-2600"))).isTrue();
        assertThat(new MariaDbGtidSet("0-1-408").isContainedWithin(new MariaDbGtidSet("0-1-300"))).isFalse();
        assertThat(new MariaDbGtidSet("0-1-408,1-1-5").isContainedWithin(new MariaDbGtidSet("0-2-2600"))).isFalse();
    }

    @Test
    void theLastEventSummaryIsMadeWhenReadNotForEveryEvent() {
        AtomicInteger summaries = new AtomicInteger();
        CommonEventMeter meter = new CommonEventMeter(Clock.SYSTEM, new SummaryCounting(summaries));

        meter.onEvent(null, null, "key-1", null, Operation.CREATE);
        meter.onEvent(null, null, "key-2", null, Operation.UPDATE);
        meter.onEvent(null, null, "key-3", null, Operation.DELETE);

        assertThat(summaries).hasValue(0);
        assertThat(meter.getLastEvent()).isEqualTo("summary of key-3");
        assertThat(summaries).hasValue(1);
        assertThat(meter.getTotalNumberOfEventsSeen()).isEqualTo(3);
        assertThat(meter.getTotalNumberOfCreateEventsSeen()).isEqualTo(1);
        assertThat(meter.getTotalNumberOfUpdateEventsSeen()).isEqualTo(1);
        assertThat(meter.getTotalNumberOfDeleteEventsSeen()).isEqualTo(1);
        assertThat(meter.getMilliSecondsSinceLastEvent()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void filteredErroneousAndResetCountAsDebeziumsOwnMeterDoes() {
        CommonEventMeter meter = new CommonEventMeter(Clock.SYSTEM, new SummaryCounting(new AtomicInteger()));
        meter.onFilteredEvent();
        meter.onErroneousEvent(Operation.CREATE);

        assertThat(meter.getNumberOfEventsFiltered()).isEqualTo(1);
        assertThat(meter.getNumberOfErroneousEvents()).isEqualTo(1);
        assertThat(meter.getTotalNumberOfEventsSeen()).isEqualTo(2);
        assertThat(meter.getTotalNumberOfCreateEventsSeen()).isEqualTo(1);

        meter.reset();
        assertThat(meter.getTotalNumberOfEventsSeen()).isZero();
        assertThat(meter.getLastEvent()).isNull();
        assertThat(meter.getMilliSecondsSinceLastEvent()).isEqualTo(-1);
    }

    private record SummaryCounting(AtomicInteger summaries) implements EventMetadataProvider {

        @Override
        public Instant getEventTimestamp(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }

        @Override
        public Map<String, String> getEventSourcePosition(DataCollectionId source, OffsetContext offset, Object key,
                Struct value) {
            return Map.of();
        }

        @Override
        public String getTransactionId(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }

        @Override
        public String toSummaryString(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            summaries.incrementAndGet();
            return "summary of " + key;
        }
    }
}
