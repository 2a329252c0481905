package io.cdcrelay.ops;

/** The JMX face of {@link SnapshotOperation}: {@code cdc-relay:type=Snapshot,source=<relay.source.name>}. */
public interface SnapshotMBean {

    /**
     * Re-snapshots the tables, as {@code POST /snapshot} does.
     *
     * @param tables comma-separated {@code db.table} names
     * @return what was requested, or why not, in one sentence
     */
    String snapshot(String tables);
}
