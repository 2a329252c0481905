package io.cdcrelay.transform;

import java.util.List;

import io.cdcrelay.change.ChangeEvent;

/** The tables a column step applies to: {@code db.table}, {@code db.*} or {@code *}, separated by commas. */
record TableSet(List<String> patterns) {

    static TableSet parse(String text) {
        return new TableSet(List.of(text.trim().split("\\s*,\\s*")));
    }

    boolean contains(ChangeEvent change) {
        for (String pattern : patterns) {
            if (pattern.equals("*") || pattern.equals(change.database() + ".*")
                    || pattern.equals(change.database() + "." + change.table())) {
                return true;
            }
        }
        return false;
    }
}
