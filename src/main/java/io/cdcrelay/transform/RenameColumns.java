package io.cdcrelay.transform;

import java.util.Map;


/** {@code columns:rename}: the named columns keep their values under new names. */
final class RenameColumns implements ColumnRewrite {

    private final Map<String, String> renamed;

    /** @param renamed old name → new name */
    RenameColumns(Map<String, String> renamed) {
        this.renamed = Map.copyOf(renamed);
    }

    @Override
    public String name(String column) {
        return renamed.getOrDefault(column, column);
    }
}
