package io.cdcrelay.change;

/** What happened to a row, or a stream event that is not a row. */
public enum Operation {
    INSERT, UPDATE, DELETE, HEARTBEAT, DDL
}
