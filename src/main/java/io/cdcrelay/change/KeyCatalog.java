package io.cdcrelay.change;

import java.util.List;

/** Knows which columns identify a table's rows. */
public interface KeyCatalog {

    /**
     * The primary key; without one the non-null unique key with the fewest columns (ties broken by index
     * name); without one an empty list.
     */
    List<String> keyColumns(String database, String table);

    /** Forgets what it knew of a table, after its definition changed. */
    void invalidate(String database, String table);
}
