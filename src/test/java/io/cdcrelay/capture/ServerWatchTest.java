package io.cdcrelay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.cdcrelay.config.SnapshotSettings;
import io.cdcrelay.config.SourceServer;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.failover.SourceFollower;
import org.junit.jupiter.api.Test;

class ServerWatchTest {

    /** Two listed servers on ports nothing listens on: asking either says it does not answer. */
    private final SourceFollower follower = new SourceFollower(new SourceSettings(SourceSettings.Flavor.MARIADB,
            List.of(new SourceServer("127.0.0.1", 1), new SourceServer("127.0.0.1", 2)), "u", "p", 5400, "relay",
            List.of(), List.of(), Map.of(), Map.of(), SnapshotSettings.off()));

    @Test
    void aReaderThatLostItsConnectionHasTheServerAskedAtOnce() {
        ServerWatch watch = new ServerWatch(follower, () -> Optional.of(false));
        assertThat(watch.whyLeave()).get().asString().startsWith("127.0.0.1:1 does not answer");
    }

    @Test
    void aStreamingReaderHasTheServerAskedEveryFifthCheck() {
        AtomicReference<Optional<Boolean>> connected = new AtomicReference<>(Optional.of(true));
        ServerWatch watch = new ServerWatch(follower, connected::get);
        for (int check = 1; check < ServerWatch.CONNECTED_EVERY; check++) {
            assertThat(watch.whyLeave()).as("check " + check).isEmpty();
        }
        assertThat(watch.whyLeave()).isPresent();
        connected.set(Optional.empty());
        assertThat(watch.whyLeave()).as("no engine streams yet: asked on the same schedule").isEmpty();
    }
}
