package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.cdcrelay.change.ColumnType;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

    private final ValueRenderer utc = new ValueRenderer(ZoneOffset.UTC);

    @Test
    void nullStaysNull() {
        assertThat(utc.render(null, type("INT", -1))).isNull();
    }

    @Test
    void decimalsKeepTheirScaleAndNumbersNeverUseExponents() {
        assertThat(utc.render(new BigDecimal("10.50"), type("DECIMAL", 10))).isEqualTo("10.50");
        assertThat(utc.render(1e20, type("DOUBLE", -1))).isEqualTo("100000000000000000000");
        assertThat(utc.render(12.0, type("DOUBLE", -1))).isEqualTo("12");
        assertThat(utc.render(1.1f, type("FLOAT", -1))).isEqualTo("1.1");
        assertThat(utc.render(-7, type("INT", -1))).isEqualTo("-7");
        assertThat(utc.render(new BigDecimal("18446744073709551615"), type("BIGINT UNSIGNED", -1)))
                .isEqualTo("18446744073709551615");
    }

    @Test
    void dateTimesShowExactlyTheColumnsFractionalDigits() {
        LocalDateTime t = LocalDateTime.of(2026, 11, 21, 13, 5, 9, 120_000_000);
        assertThat(utc.render(t, type("DATETIME", 0))).isEqualTo("2026-11-21 13:05:09");
        assertThat(utc.render(t, type("DATETIME", 3))).isEqualTo("2026-11-21 13:05:09.120");
        assertThat(utc.render(t, type("DATETIME", 6))).isEqualTo("2026-11-21 13:05:09.120000");
        assertThat(utc.render(LocalDate.of(2026, 11, 21), type("DATE", -1))).isEqualTo("2026-11-21");
    }

    @Test
    void timestampsAreShownInTheConfiguredZone() {
        Instant instant = Instant.parse("2026-11-21T13:05:09Z");
        assertThat(utc.render(instant, type("TIMESTAMP", 0))).isEqualTo("2026-11-21 13:05:09");
        assertThat(new ValueRenderer(ZoneId.of("Asia/Shanghai")).render(instant, type("TIMESTAMP", 0)))
                .isEqualTo("2026-11-21 21:05:09");
    }

    @Test
    void timesBeyondADayAndNegativeTimesPrintAsMySqlDoes() {
        assertThat(utc.render(Duration.parse("PT123H5M9.25S"), type("TIME", 3))).isEqualTo("123:05:09.250");
        assertThat(utc.render(Duration.parse("-PT838H59M59S"), type("TIME", 0))).isEqualTo("-838:59:59");
    }

    @Test
    void binaryIsBase64AndBitsAreZeroOrOne() {
        assertThat(utc.render(new byte[] {1, 2, 3, 4}, type("BINARY", 4))).isEqualTo("AQIDBA==");
        assertThat(utc.render(true, type("BIT", 1))).isEqualTo("1");
        assertThat(utc.render(false, type("BIT", 1))).isEqualTo("0");
    }

    @Test
    void textIsPassedAsStoredIncludingEmoji() {
        assertThat(utc.render("Zürich 🎁", type("VARCHAR", 20))).isEqualTo("Zürich 🎁");
    }

    private static ColumnType type(String name, int length) {
        return new ColumnType(name, 0, length, -1);
    }
}
