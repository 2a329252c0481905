package io.cdcrelay.precheck;

import java.util.List;
import java.util.Map;

import io.cdcrelay.capture.SavedPositionCheck;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.StateSettings;

/**
 * The {@code saved position} line: whether the source still has the binlog file of the position the relay saved
 * (see {@link SavedPositionCheck}). Only {@code --precheck} lists it: a start runs the same check itself just
 * before the engine starts, and a purged position stops it with one sentence (exit code 2).
 */
final class SavedPositionLine {

    static final String NAME = "saved position";

    private final RelaySettings settings;

    SavedPositionLine(RelaySettings settings) {
        this.settings = settings;
    }

    /**
     * @param earlier the lines before it: without a source connection or the state's Kafka, it is skipped (the
     *                saved position is read from the state, the binlog list from the source)
     */
    CheckResult run(List<CheckResult> earlier) {
        StateSettings.KafkaState state = settings.state().kafka();
        boolean sinkHoldsState = settings.delivery().exactlyOnce() || state != null && state.sharesSinkCluster();
        Map<String, Boolean> needs = Map.of(SourcePrecheck.REACHABLE, true, "destination reachable", sinkHoldsState,
                "state cluster reachable", state != null);
        for (CheckResult r : earlier) {
            if (r.status() != CheckResult.Status.PASS && needs.getOrDefault(r.name(), false)) {
                return CheckResult.skip(NAME, "needs " + r.name().replace(" reachable", ""));
            }
        }
        try {
            SavedPositionCheck.Outcome outcome = new SavedPositionCheck(settings).run();
            return outcome.kind() == SavedPositionCheck.Kind.PURGED ? CheckResult.fail(NAME, outcome.detail(),
                    outcome.fix()) : CheckResult.pass(NAME, outcome.detail());
        } catch (RuntimeException e) {
            return CheckResult.fail(NAME, "could not be read: " + Problems.message(e), "check that the state ("
                    + "relay.data-dir or relay.state.*) and the source can be read");
        }
    }
}
