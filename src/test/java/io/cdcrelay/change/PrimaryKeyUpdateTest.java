package io.cdcrelay.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class PrimaryKeyUpdateTest {

    @Test
    void theDeleteDebeziumGivesForAPrimaryKeyUpdateIsItsFirstHalf() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("__debezium.newkey", "{id=8}", Schema.STRING_SCHEMA);
        assertThat(PrimaryKeyUpdate.isFirstHalf(record(headers))).isTrue();
    }

    @Test
    void theCreateThatCompletesItAndEveryOtherRecordAreNot() {
        ConnectHeaders oldKey = new ConnectHeaders();
        oldKey.add("__debezium.oldkey", "{id=7}", Schema.STRING_SCHEMA);
        assertThat(PrimaryKeyUpdate.isFirstHalf(record(oldKey))).isFalse();
        assertThat(PrimaryKeyUpdate.isFirstHalf(record(new ConnectHeaders()))).isFalse();
    }

    private static SourceRecord record(ConnectHeaders headers) {
        return new SourceRecord(Map.of("server", "s"), Map.of("pos", 4L), "t", null, null, null, null, null, null,
                headers);
    }
}
