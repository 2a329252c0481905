package io.cdcrelay.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the relay is ready: every part runs (as {@link RelayHealth} was told) and, with CDC on, the
 * binlog reader holds its connection. Debezium retries a lost connection inside a running engine, so the
 * engine's own state alone would stay "running" while nothing is read.
 */
public final class Readiness {

    private final RelayHealth health;
    private final Optional<DebeziumMBeans> debezium;

    /** @param debezium the connector's metrics, empty without CDC */
    public Readiness(RelayHealth health, Optional<DebeziumMBeans> debezium) {
        this.health = health;
        this.debezium = debezium;
    }

    /** Why the relay is not ready, by part; empty when it is ready. */
    public Map<String, String> notReadyBecause() {
        Map<String, String> why = new LinkedHashMap<>(health.notReadyBecause());
        if (debezium.flatMap(DebeziumMBeans::streamingConnected).filter(connected -> !connected).isPresent()) {
            why.putIfAbsent("debezium", "the binlog reader lost its connection to the source and is reconnecting");
        }
        return why;
    }

    public boolean ready() {
        return notReadyBecause().isEmpty();
    }
}
