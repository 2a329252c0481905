package io.cdcrelay.transform;

import java.util.Set;

/** {@code columns:drop}: the named columns leave the change, its key included. */
final class DropColumns implements ColumnRewrite {

    private final Set<String> dropped;

    DropColumns(Set<String> dropped) {
        this.dropped = Set.copyOf(dropped);
    }

    @Override
    public String name(String column) {
        return dropped.contains(column) ? null : column;
    }
}
