package io.cdcrelay.format;

import java.util.Locale;

/** What a DDL statement does, read from its leading keywords, and each format's name for it. */
enum DdlKind {
    CREATE("CREATE", "CREATE"), ALTER("ALTER", "ALTER"), DROP("ERASE", "ERASE"), TRUNCATE("TRUNCATE", "TRUNCATE"),
    RENAME("RENAME", "RENAME"), CREATE_INDEX("CINDEX", "CREATE"), DROP_INDEX("DINDEX", "ERASE"), OTHER("QUERY", "QUERY");

    private final String canal;
    private final String dataworks;

    DdlKind(String canal, String dataworks) {
        this.canal = canal;
        this.dataworks = dataworks;
    }

    static DdlKind of(String statement) {
        String s = statement.stripLeading().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (s.matches("CREATE (UNIQUE |FULLTEXT |SPATIAL )?INDEX .*")) {
            return CREATE_INDEX;
        }
        if (s.startsWith("DROP INDEX ")) {
            return DROP_INDEX;
        }
        if (s.matches("ALTER TABLE \\S+ RENAME (TO |AS )?.*") || s.startsWith("RENAME ")) {
            return RENAME;
        }
        for (DdlKind kind : new DdlKind[] {CREATE, ALTER, DROP, TRUNCATE}) {
            if (s.startsWith(kind.name() + " ")) {
                return kind;
            }
        }
        return OTHER;
    }

    /** Canal's DDL types: CREATE, ALTER, ERASE, TRUNCATE, RENAME, CINDEX, DINDEX, QUERY. */
    String canal() {
        return canal;
    }

    /** DataWorks' DDL operations: CREATE, ALTER, ERASE, TRUNCATE, RENAME, QUERY. */
    String dataworks() {
        return dataworks;
    }

    /** The statement's leading keyword as OMS writes {@code ddlType}: CREATE, ALTER, DROP, TRUNCATE, RENAME. */
    String keyword() {
        return switch (this) {
            case CREATE, CREATE_INDEX -> "CREATE";
            case DROP, DROP_INDEX -> "DROP";
            case OTHER -> "QUERY";
            default -> name();
        };
    }
}
