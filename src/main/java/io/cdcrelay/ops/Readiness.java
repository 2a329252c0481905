package io.cdcrelay.ops;

import java.util.Map;

import io.cdcrelay.report.RelayHealth;

/**
 * Whether the relay is ready: every part runs, and the servers it depends on answer, as {@link RelayHealth} was
 * told. Camel's route states alone would stay "Started" through an engine failure, and Debezium's engine stays
 * "running" while its binlog reader reconnects, so the parts and their checks report themselves.
 */
public final class Readiness {

    private final RelayHealth health;

    public Readiness(RelayHealth health) {
        this.health = health;
    }

    /** Why the relay is not ready, by part; empty when it is ready. */
    public Map<String, String> notReadyBecause() {
        return health.notReadyBecause();
    }

    public boolean ready() {
        return notReadyBecause().isEmpty();
    }
}
