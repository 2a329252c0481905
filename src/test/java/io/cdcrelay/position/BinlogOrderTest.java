package io.cdcrelay.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.cdcrelay.position.BinlogOrder;
import io.cdcrelay.position.ResumePoint;
import org.junit.jupiter.api.Test;

/** Which binlog positions are provably not after others, with Debezium's MySQL / MariaDB offsets. */
class BinlogOrderTest {

    private static final Map<String, String> SERVER = Map.of("server", "relay");

    /** Row {@code row} of event {@code event} of the transaction at binlog.000003:5000 after GTIDs 0-1-48. */
    private static ResumePoint at(long event, int row) {
        return point(Map.of("file", "binlog.000003", "pos", 5000L, "gtids", "0-1-48", "event", event, "row", row,
                "ts_sec", 1795252356L));
    }

    private static ResumePoint point(Map<String, ?> offset) {
        return new ResumePoint(1, SERVER, offset);
    }

    private static ResumePoint with(ResumePoint p, String key, Object value) {
        Map<String, Object> offset = new HashMap<>(p.offset());
        if (value == null) {
            offset.remove(key);
        } else {
            offset.put(key, value);
        }
        return point(offset);
    }

    @Test
    void insideOneTransactionEventThenRowOrderTheRows() {
        assertThat(BinlogOrder.notAfter(at(1, 1), at(1, 2))).isTrue();
        assertThat(BinlogOrder.notAfter(at(1, 2), at(2, 1))).as("the last row of an event before the next event")
                .isTrue();
        assertThat(BinlogOrder.notAfter(at(2, 1), at(1, 2))).isFalse();
        assertThat(BinlogOrder.notAfter(at(1, 3), at(1, 2))).isFalse();
    }

    @Test
    void theSameRowGivenAgainIsNotAfterItself() {
        assertThat(BinlogOrder.notAfter(at(1, 2), at(1, 2))).isTrue();
        assertThat(BinlogOrder.notAfter(at(1, 2), with(with(at(1, 2), "ts_sec", 1795252999L), "server_id", 7L)))
                .as("the time and server id do not place a row").isTrue();
    }

    @Test
    void theCreateOfAKeyUpdateComesAfterItsDeleteAtTheSameOffset() {
        ResumePoint delete = at(1, 2).incomplete();
        ResumePoint create = at(1, 2);
        assertThat(BinlogOrder.notAfter(create, delete)).as("the CREATE is new after its DELETE").isFalse();
        assertThat(BinlogOrder.notAfter(delete, create)).as("the DELETE given again after its CREATE").isTrue();
        assertThat(BinlogOrder.notAfter(delete, delete)).as("the DELETE given again").isTrue();
        assertThat(BinlogOrder.notAfter(at(1, 3).incomplete(), create)).as("the next row's DELETE").isFalse();
    }

    @Test
    void numbersCompareWhicheverTypeTheyWereReadAs() {
        ResumePoint readBack = with(with(at(1, 2), "row", 2L), "pos", 5000);
        assertThat(BinlogOrder.notAfter(readBack, at(1, 2))).isTrue();
        assertThat(BinlogOrder.notAfter(at(1, 2), readBack)).isTrue();
    }

    @Test
    void missingEventAndRowCountAsZero() {
        ResumePoint begin = with(with(at(1, 1), "event", null), "row", null);
        assertThat(BinlogOrder.notAfter(begin, at(1, 1))).isTrue();
        assertThat(BinlogOrder.notAfter(at(1, 1), begin)).isFalse();
    }

    @Test
    void withoutGtidsThePositionOrdersTheTransactionsOfAFile() {
        ResumePoint earlier = with(with(at(4, 1), "gtids", null), "pos", 4000L);
        ResumePoint later = with(at(1, 1), "gtids", null);
        assertThat(BinlogOrder.notAfter(earlier, later)).isTrue();
        assertThat(BinlogOrder.notAfter(later, earlier)).isFalse();
    }

    @Test
    void whatCannotBeOrderedIsNeverNotAfter() {
        ResumePoint row = at(1, 2);
        assertThat(BinlogOrder.notAfter(with(row, "file", "binlog.000002"), row)).as("another file").isFalse();
        assertThat(BinlogOrder.notAfter(with(row, "gtids", "0-1-47"), row)).as("other GTIDs").isFalse();
        assertThat(BinlogOrder.notAfter(with(row, "gtids", null), row)).as("GTIDs on one side only").isFalse();
        assertThat(BinlogOrder.notAfter(with(row, "snapshot", "true"), row)).as("a snapshot row").isFalse();
        assertThat(BinlogOrder.notAfter(row, with(row, "snapshot", "true"))).isFalse();
        assertThat(BinlogOrder.notAfter(with(row, "pos", null), row)).as("no position").isFalse();
        assertThat(BinlogOrder.notAfter(with(row, "row", "1"), row)).as("a counter that is no number").isFalse();
        assertThat(BinlogOrder.notAfter(new ResumePoint(1, Map.of("server", "other"), row.offset()), row))
                .as("another source").isFalse();
        assertThat(BinlogOrder.notAfter(row, null)).as("nothing before").isFalse();
    }
}
