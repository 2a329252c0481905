package io.cdcrelay.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class CheckResultTest {

    @Test
    void aPassIsItsNameAndWhatWasFound() {
        assertThat(CheckResult.pass("source reachable", "127.0.0.1:3306 as relay").line())
                .isEqualTo("PASS  source reachable: 127.0.0.1:3306 as relay");
    }

    @Test
    void aFailureCarriesItsFixOnTheSameLine() {
        assertThat(CheckResult.fail("binlog format", "STATEMENT", "set binlog_format=ROW in the server's configuration "
                + "and restart it").line()).isEqualTo("FAIL  binlog format: STATEMENT — fix: set binlog_format=ROW in "
                + "the server's configuration and restart it");
    }

    @Test
    void aSkippedCheckSaysWhatItWaitsFor() {
        assertThat(CheckResult.skip("topics", "needs the destination").line())
                .isEqualTo("SKIP  topics: not checked (needs the destination)");
    }

    @Test
    void aServerMessageSpanningLinesStaysOnOneLine() {
        assertThat(CheckResult.fail("source reachable", "did not answer: first\n   second\r\nthird", "check it").line())
                .isEqualTo("FAIL  source reachable: did not answer: first second third — fix: check it");
    }

    @Test
    void theReportPassesOnlyWhenEveryCheckPassed() {
        CheckResult pass = CheckResult.pass("a", "ok");
        assertThat(new PrecheckReport(List.of(pass, pass)).passed()).isTrue();
        assertThat(new PrecheckReport(List.of(pass, CheckResult.skip("b", "needs a"))).passed()).isFalse();
        PrecheckReport failed = new PrecheckReport(List.of(pass, CheckResult.fail("c", "no", "yes")));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.failures()).isEqualTo(1);
    }

    @Test
    void theReportsLinesAreMasked() {
        Properties settings = new Properties();
        settings.setProperty("relay.source.password", "hunter2");
        PrecheckReport report = new PrecheckReport(List.of(CheckResult.fail("source reachable",
                "refused: password hunter2 is wrong", "check relay.source.password")));
        assertThat(report.lines(SecretMask.of(settings))).containsExactly(
                "FAIL  source reachable: refused: password **** is wrong — fix: check relay.source.password");
    }
}
