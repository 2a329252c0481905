package io.cdcrelay.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.cdcrelay.position.BinlogStartChooser.Event;
import io.cdcrelay.position.BinlogStartChooser.Kind;
import io.cdcrelay.position.BinlogStartChooser.Position;
import io.cdcrelay.position.BinlogStartChooser;
import io.cdcrelay.position.BinlogStartLocator;
import org.junit.jupiter.api.Test;

class BinlogStartChooserTest {

    private static final String F1 = "mariadb-bin.000001";
    private static final String F2 = "mariadb-bin.000002";

    /** A MariaDB binlog as read on a real server: two files, row transactions, a DDL, a long transaction. */
    private static List<Event> mariaDbBinlog() {
        List<Event> e = new ArrayList<>();
        e.add(Event.of(Kind.FILE_START, F1, 4, 100));
        e.add(new Event(Kind.GTID_SET, F1, 256, 100, "", true));
        e.add(Event.of(Kind.OTHER, F1, 285, 100)); // binlog checkpoint
        // DDL at 105: GTID then the statement
        e.add(new Event(Kind.GTID, F1, 330, 105, "0-1-1", false));
        e.add(Event.of(Kind.STATEMENT, F1, 372, 105));
        // row transaction committed at 105: no BEGIN after MariaDB's GTID event
        e.add(new Event(Kind.GTID, F1, 500, 105, "0-1-2", false));
        e.add(Event.of(Kind.OTHER, F1, 542, 105)); // table map
        e.add(Event.of(Kind.OTHER, F1, 600, 105)); // write rows
        e.add(Event.of(Kind.COMMIT, F1, 650, 105)); // XID
        // a transaction started at 106 (its rows say so) and committed at 110: the GTID and XID carry 110
        e.add(new Event(Kind.GTID, F1, 700, 110, "0-1-3", false));
        e.add(Event.of(Kind.OTHER, F1, 742, 106));
        e.add(Event.of(Kind.OTHER, F1, 800, 108));
        e.add(Event.of(Kind.COMMIT, F1, 900, 110));
        e.add(Event.of(Kind.OTHER, F1, 950, 110)); // rotate
        e.add(Event.of(Kind.FILE_START, F2, 4, 110));
        e.add(new Event(Kind.GTID_SET, F2, 256, 110, "0-1-3", true));
        e.add(new Event(Kind.GTID, F2, 300, 112, "0-1-4", false));
        e.add(Event.of(Kind.OTHER, F2, 342, 112));
        e.add(Event.of(Kind.COMMIT, F2, 400, 112));
        return e;
    }

    private static Position choose(long at, List<Event> events, String endFile, long endPosition) {
        BinlogStartChooser chooser = new BinlogStartChooser(at);
        for (Event e : events) {
            if (chooser.accept(e)) {
                break;
            }
        }
        return chooser.result(endFile, endPosition);
    }

    @Test
    void theFirstTransactionCommittedAtOrAfterTheTimeIsChosenAtItsGtidEventWithTheGtidsBeforeIt() {
        assertThat(choose(100, mariaDbBinlog(), F2, 450)).isEqualTo(new Position(F1, 330, "", 105));
        assertThat(choose(105, mariaDbBinlog(), F2, 450)).isEqualTo(new Position(F1, 330, "", 105));
        // committed at 110, though its rows were written from 106 on: the commit time counts
        assertThat(choose(106, mariaDbBinlog(), F2, 450)).isEqualTo(new Position(F1, 700, "0-1-2", 110));
        assertThat(choose(110, mariaDbBinlog(), F2, 450)).isEqualTo(new Position(F1, 700, "0-1-2", 110));
        assertThat(choose(111, mariaDbBinlog(), F2, 450)).isEqualTo(new Position(F2, 300, "0-1-3", 112));
    }

    @Test
    void readingFromALaterFileStartsFromThatFilesGtidList() {
        List<Event> second = mariaDbBinlog().stream().filter(e -> e.file().equals(F2)).toList();
        assertThat(choose(111, second, F2, 450)).isEqualTo(new Position(F2, 300, "0-1-3", 112));
    }

    @Test
    void withNothingCommittedSinceTheTimeTheEndOfTheBinlogIsChosenWithAllItsGtids() {
        Position end = choose(113, mariaDbBinlog(), F2, 450);
        assertThat(end).isEqualTo(new Position(F2, 450, "0-1-4", -1));
        assertThat(end.atEnd()).isTrue();
    }

    @Test
    void mySqlTransactionsStartAtTheirGtidAndEndAtXid() {
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        List<Event> e = List.of(
                Event.of(Kind.FILE_START, "binlog.000007", 4, 200),
                new Event(Kind.GTID_SET, "binlog.000007", 126, 200, uuid + ":1-5", false),
                new Event(Kind.GTID, "binlog.000007", 197, 201, uuid + ":6", false),
                Event.of(Kind.BEGIN, "binlog.000007", 276, 201),
                Event.of(Kind.OTHER, "binlog.000007", 351, 201),
                Event.of(Kind.COMMIT, "binlog.000007", 420, 201),
                new Event(Kind.GTID, "binlog.000007", 451, 203, uuid + ":7", false),
                Event.of(Kind.BEGIN, "binlog.000007", 530, 203),
                Event.of(Kind.COMMIT, "binlog.000007", 600, 203));
        assertThat(choose(202, e, "binlog.000007", 631)).isEqualTo(new Position("binlog.000007", 451, uuid + ":1-6", 203));
    }

    @Test
    void withoutGtidsTransactionsStartAtBeginAndADdlIsItsOwnTransaction() {
        List<Event> e = List.of(
                Event.of(Kind.FILE_START, "bin.000001", 4, 300),
                new Event(Kind.GTID, "bin.000001", 120, 301, null, false), // anonymous GTID
                Event.of(Kind.BEGIN, "bin.000001", 185, 301),
                Event.of(Kind.COMMIT, "bin.000001", 300, 301),
                Event.of(Kind.STATEMENT, "bin.000001", 331, 302), // DDL without any GTID event (old server)
                Event.of(Kind.BEGIN, "bin.000001", 400, 303),
                Event.of(Kind.STATEMENT, "bin.000001", 450, 303),
                Event.of(Kind.COMMIT, "bin.000001", 500, 304));
        assertThat(choose(301, e, "bin.000001", 531)).isEqualTo(new Position("bin.000001", 120, "", 301));
        assertThat(choose(302, e, "bin.000001", 531)).isEqualTo(new Position("bin.000001", 331, "", 302));
        assertThat(choose(303, e, "bin.000001", 531)).isEqualTo(new Position("bin.000001", 400, "", 304));
    }

    @Test
    void theFileToReadFirstIsTheLastOneCreatedBeforeTheTimesSecond() {
        long[] created = {100, 200, 300, 300, 400};
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 99)).isEqualTo(-1);
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 100)).isEqualTo(0);
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 150)).isEqualTo(0);
        // a transaction of second 200 may end the first file
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 200)).isEqualTo(0);
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 201)).isEqualTo(1);
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 300)).isEqualTo(1);
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 301)).isEqualTo(3);
        assertThat(BinlogStartChooser.startFileIndex(5, i -> created[i], 10_000)).isEqualTo(4);
        assertThat(BinlogStartChooser.startFileIndex(0, i -> 0, 10_000)).isEqualTo(-1);
    }

    @Test
    void queriesAreClassifiedByTheirText() {
        assertThat(BinlogStartLocator.queryKind("BEGIN")).isEqualTo(Kind.BEGIN);
        assertThat(BinlogStartLocator.queryKind("COMMIT")).isEqualTo(Kind.COMMIT);
        assertThat(BinlogStartLocator.queryKind("ROLLBACK")).isEqualTo(Kind.COMMIT);
        assertThat(BinlogStartLocator.queryKind("ALTER TABLE t ADD c INT")).isEqualTo(Kind.STATEMENT);
    }

    @Test
    void mariaDbGtidsAreKeptOnlyForTheMariaDbConnector() {
        com.github.shyiko.mysql.binlog.event.EventHeaderV4 header = new com.github.shyiko.mysql.binlog.event.EventHeaderV4();
        header.setEventType(com.github.shyiko.mysql.binlog.event.EventType.MARIADB_GTID);
        header.setTimestamp(112_000);
        header.setServerId(1);
        header.setEventLength(42);
        header.setNextPosition(342);
        com.github.shyiko.mysql.binlog.event.MariadbGtidEventData gtid = new com.github.shyiko.mysql.binlog.event.MariadbGtidEventData();
        gtid.setDomainId(0);
        gtid.setSequence(4);
        assertThat(BinlogStartLocator.eventOf(F2, header, gtid, true)).isEqualTo(new Event(Kind.GTID, F2, 300, 112, "0-1-4", false));
        // the MySQL connector resumes by file and position on MariaDB: the GTID only marks the transaction's start
        assertThat(BinlogStartLocator.eventOf(F2, header, gtid, false)).isEqualTo(new Event(Kind.GTID, F2, 300, 112, null, false));

        header.setEventType(com.github.shyiko.mysql.binlog.event.EventType.MARIADB_GTID_LIST);
        com.github.shyiko.mysql.binlog.event.MariadbGtidListEventData list = new com.github.shyiko.mysql.binlog.event.MariadbGtidListEventData();
        list.setMariaGTIDSet(new com.github.shyiko.mysql.binlog.MariadbGtidSet("0-1-3"));
        assertThat(BinlogStartLocator.eventOf(F2, header, list, true)).isEqualTo(new Event(Kind.GTID_SET, F2, 300, 112, "0-1-3", true));
        assertThat(BinlogStartLocator.eventOf(F2, header, list, false).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void theLocatorReadsWithAServerIdOfItsOwn() {
        assertThat(BinlogStartLocator.locatorServerId(5400)).isEqualTo(5400 + (1L << 30));
        assertThat(BinlogStartLocator.locatorServerId(4294967295L)).isEqualTo((1L << 30) - 1);
        assertThat(BinlogStartLocator.locatorServerId(3L << 30)).isEqualTo(1);
    }
}
