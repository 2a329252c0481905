package io.cdcrelay.format;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Format options of the tests: a fixed clock (message build time 1795252356464 ms) and a fixed server version. */
final class TestFormatOptions {

    static final Instant NOW = Instant.ofEpochMilli(1795252356464L);

    private TestFormatOptions() {
    }

    static FormatOptions of(boolean transactionSequence) {
        return new FormatOptions("shop-relay", "MYSQL", "", "", () -> "10.11.19", ZoneOffset.UTC, transactionSequence,
                false, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static FormatOptions withIdentity(String dbType, String tenant) {
        return new FormatOptions("shop-relay", dbType, tenant, "c1", () -> "10.11.19", ZoneOffset.UTC, false, false,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static FormatOptions debeziumSchemas() {
        return new FormatOptions("shop-relay", "MYSQL", "", "", () -> "10.11.19", ZoneOffset.UTC, true, true,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
