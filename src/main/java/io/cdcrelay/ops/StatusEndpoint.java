package io.cdcrelay.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcrelay.ha.Election;
import io.cdcrelay.report.DebeziumMBeans;
import io.cdcrelay.report.IncrementalSnapshotProgress;
import io.cdcrelay.report.MirrorMetrics;
import io.cdcrelay.report.RelayHealth;
import io.cdcrelay.report.RelayMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;

/**
 * {@code GET /status}: what the relay is doing, as JSON — the state of its routes, the phase (snapshot or
 * incremental), where the last delivered change was read, per-table counts, the last commit time delivered,
 * the lag, the mirror's progress, readiness and the recent errors. With {@code relay.ha.*}, a relay that does not
 * lead says {@code "state": "standby"} and names the leader under {@code ha}.
 */
public final class StatusEndpoint implements Processor {

    private final Optional<RelayMetrics> cdc;
    private final Optional<MirrorMetrics> mirror;
    private final Optional<DebeziumMBeans> debezium;
    private final Optional<IncrementalSnapshotProgress> resnapshot;
    private final RelayHealth health;
    private final Readiness readiness;
    private final Optional<Election> leadership;
    private final ObjectMapper json = new ObjectMapper();

    public StatusEndpoint(Optional<RelayMetrics> cdc, Optional<MirrorMetrics> mirror, Optional<DebeziumMBeans> debezium,
            Optional<IncrementalSnapshotProgress> resnapshot, RelayHealth health, Readiness readiness,
            Optional<Election> leadership) {
        this.cdc = cdc;
        this.mirror = mirror;
        this.debezium = debezium;
        this.resnapshot = resnapshot;
        this.health = health;
        this.readiness = readiness;
        this.leadership = leadership;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(report(exchange.getContext())));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    Map<String, Object> report(CamelContext context) {
        Map<String, Object> status = new LinkedHashMap<>();
        Map<String, String> routes = new LinkedHashMap<>();
        for (Route route : context.getRoutes()) {
            if (!route.getRouteId().startsWith("http-")) {
                routes.put(route.getRouteId(), context.getRouteController().getRouteStatus(route.getRouteId()).name());
            }
        }
        status.put("state", routes.values().stream().allMatch("Started"::equals) ? "running"
                : routes.containsValue("Suspended") ? "suspended" : "stopped");
        leadership.filter(l -> !l.leading()).ifPresent(l -> status.put("state", "standby"));
        status.put("routes", routes);
        leadership.ifPresent(l -> status.put("ha", ha(l)));
        cdc.ifPresent(metrics -> status.putAll(cdcPart(metrics)));
        mirror.ifPresent(m -> status.put("mirror", Map.of("mirrored", m.mirroredTotal(), "behind", m.lagTotal())));
        Map<String, String> why = readiness.notReadyBecause();
        status.put("readiness", why.isEmpty() ? "UP" : "DOWN");
        if (!why.isEmpty()) {
            status.put("reasons", why);
        }
        status.put("components", health.states());
        status.put("errors", health.problems().stream().map(p -> Map.of("time", p.time().toString(),
                "component", p.component(), "message", p.message())).toList());
        return status;
    }

    private static Map<String, Object> ha(Election leadership) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("role", leadership.leading() ? "leader" : "standby");
        part.put("member", leadership.settings().memberId());
        part.put("leader", leadership.leader().orElse(null));
        part.put("clusterService", leadership.settings().service().value());
        part.put("namespace", leadership.settings().namespace());
        return part;
    }

    private Map<String, Object> cdcPart(RelayMetrics metrics) {
        Map<String, Object> part = new LinkedHashMap<>();
        Optional<DebeziumMBeans.Snapshot> snapshot = debezium.flatMap(DebeziumMBeans::snapshot);
        RelayMetrics.Delivered last = metrics.lastDelivered();
        Optional<Map<String, Object>> incremental = resnapshot.flatMap(IncrementalSnapshotProgress::status);
        // Debezium's snapshot metrics also run during an incremental snapshot, while the binlog flows on
        boolean incrementalRuns = incremental.map(i -> "running".equals(i.get("state"))).orElse(false);
        boolean snapshotting = snapshot.map(DebeziumMBeans.Snapshot::running).orElse(false) && !incrementalRuns;
        part.put("phase", snapshotting ? "snapshot" : last != null || debezium.flatMap(DebeziumMBeans::streamingConnected)
                .isPresent() ? "incremental" : "starting");
        snapshot.ifPresent(s -> part.put("snapshot", Map.of("running", s.running(), "completed", s.completed(),
                "tablesDone", s.tablesDone(), "tablesTotal", s.tablesTotal(), "rowsScanned", s.rowsScanned())));
        incremental.ifPresent(i -> part.put("incrementalSnapshot", i));
        if (last != null) {
            part.put("position", Map.of("file", last.position().file(), "position", last.position().position(),
                    "gtid", last.position().gtid()));
            part.put("transaction", last.transaction());
            part.put("lastCommitDelivered", last.commitTime().toString());
        }
        metrics.sourceServer().ifPresent(server -> part.put("sourceServer", server));
        part.put("lagMs", metrics.lagMillis());
        part.put("captured", metrics.capturedTotal());
        part.put("delivered", metrics.deliveredTotal());
        Map<String, Object> tables = new LinkedHashMap<>();
        metrics.countsByTable("relay.changes.captured").forEach((table, ops) -> table(tables, table).put("captured", ops));
        metrics.countsByTable("relay.changes.delivered").forEach((table, ops) -> table(tables, table).put("delivered", ops));
        part.put("tables", tables);
        return part;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> tables, String table) {
        return (Map<String, Object>) tables.computeIfAbsent(table, t -> new LinkedHashMap<String, Object>());
    }
}
