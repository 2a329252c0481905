package io.cdcrelay.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MariaDbGtidsTest {

    @Test
    void aReplicaThatReceivedEverythingSavedCanContinue() {
        // log_slave_updates keeps the primary's 0-1-N; once promoted the replica writes 0-2-N
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-100", "")).isEmpty();
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-120,0-2-125", "0-1-40")).isEmpty();
    }

    @Test
    void aReplicaBehindTheSavedPositionCannotContinue() {
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-98", "")).contains(
                "its binlog (gtid_binlog_state 0-1-98) does not hold the saved GTID 0-1-100");
    }

    @Test
    void aServerWhoseHigherSequenceCameFromAnotherWriterHasNotSeenTheSavedGtid() {
        // a lagging replica promoted and written to reaches sequence 105 without ever receiving 0-1-99..100
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-98,0-2-105", "")).isPresent();
    }

    @Test
    void everySavedDomainMustBeHeld() {
        assertThat(MariaDbGtids.lacks("0-1-100,1-1-7", "0-1-100", "")).get().asString().contains("1-1-7");
    }

    @Test
    void aBinlogPurgedPastTheSavedPositionCannotContinue() {
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-300", "0-1-150")).contains(
                "its oldest binlog begins after 0-1-150, so transactions after the saved GTIDs 0-1-100 were purged");
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-300", "0-1-100")).isEmpty();
    }

    @Test
    void aDomainPurgedThatTheRelayNeverReadIsLost() {
        assertThat(MariaDbGtids.lacks("0-1-100", "0-1-300,1-3-9", "0-1-90,1-3-4")).get().asString()
                .contains("1-3-4");
    }

    @Test
    void nothingSavedLacksNothing() {
        assertThat(MariaDbGtids.lacks("", "0-1-5", "0-1-2")).isEmpty();
    }

    @Test
    void textThatIsNoGtidIsRefused() {
        assertThatThrownBy(() -> MariaDbGtids.parse("0-1")).hasMessage("not a MariaDB GTID: 0-1");
        assertThatThrownBy(() -> MariaDbGtids.parse("a-b-c")).hasMessage("not a MariaDB GTID: a-b-c");
    }
}
