package io.cdcrelay.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.cdcrelay.position.BinlogStartChooser.Position;
import io.cdcrelay.position.OffsetSeeder.StartState;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.position.OffsetStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetSeederTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void theSeededOffsetHoldsFilePositionGtidsAndTheMarker() {
        assertThat(OffsetSeeder.offsetOf(new Position("mariadb-bin.000002", 300, "0-1-3", 112), AT))
                .containsExactly(Map.entry("file", "mariadb-bin.000002"), Map.entry("pos", 300L),
                        Map.entry("gtids", "0-1-3"), Map.entry(OffsetSeeder.MARKER, AT.getEpochSecond()));
        assertThat(OffsetSeeder.offsetOf(new Position("bin.000001", 120, "", 301), AT)).doesNotContainKey("gtids");
    }

    @Test
    void aSavedOffsetWithoutTheMarkerIsTheRelaysOwn() {
        assertThat(OffsetSeeder.stateOf(Optional.empty())).isEqualTo(StartState.FRESH);
        assertThat(OffsetSeeder.stateOf(Optional.of(Map.of("file", "f", "pos", 4L, OffsetSeeder.MARKER, 1L))))
                .isEqualTo(StartState.SEEDED);
        assertThat(OffsetSeeder.stateOf(Optional.of(Map.of("file", "f", "pos", 4L, "gtids", "0-1-9"))))
                .isEqualTo(StartState.SAVED);
    }

    @Test
    void theFirstStartSeedsLaterStartsKeepTheSavedOffset(@TempDir Path dir) {
        OffsetStorage file = OffsetStorage.file(dir.resolve("data/offsets-shop.dat"));
        OffsetSeeder seeder = new OffsetSeeder(file, "shop", "shop");
        AtomicInteger located = new AtomicInteger();
        Position position = new Position("mariadb-bin.000002", 300, "0-1-3", 112);

        assertThat(seeder.prepare(Optional.empty(), at -> { located.incrementAndGet(); return position; })).isFalse();
        assertThat(seeder.saved()).isEmpty();

        assertThat(seeder.prepare(Optional.of(AT), at -> { located.incrementAndGet(); return position; })).isTrue();
        assertThat(seeder.saved()).contains(Map.of("file", "mariadb-bin.000002", "pos", 300L, "gtids", "0-1-3",
                OffsetSeeder.MARKER, AT.getEpochSecond()));
        // not moved from yet: still the seeded start, not located again
        assertThat(seeder.prepare(Optional.of(AT), at -> { located.incrementAndGet(); return position; })).isTrue();
        assertThat(located).hasValue(1);
        assertThat(OffsetSeeder.stillSeeded(file, "shop", "shop")).isTrue();

        // the engine saved its own position: it wins
        seeder.seed(Map.of("file", "mariadb-bin.000002", "pos", 900L, "gtids", "0-1-7"));
        assertThat(seeder.prepare(Optional.of(AT), at -> { located.incrementAndGet(); return position; })).isFalse();
        assertThat(located).hasValue(1);
        assertThat(seeder.saved().orElseThrow()).containsEntry("pos", 900L);
        assertThat(OffsetSeeder.stillSeeded(file, "shop", "shop")).isFalse();
        // another source's offsets in the same file are not this one's
        assertThat(new OffsetSeeder(file, "other", "other").saved()).isEmpty();
    }
}
