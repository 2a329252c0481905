package io.cdcrelay.change;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old name in {@code RENAME TABLE a TO b} or {@code ALTER TABLE a RENAME [TO|AS] b}: Debezium's schema change
 * names only the new table.
 */
final class RenameStatement {

    private static final Pattern RENAME = Pattern.compile("(?is)^\\s*RENAME\\s+TABLES?\\s+(\\S+)\\s+TO\\s+\\S+.*");
    private static final Pattern ALTER_RENAME = Pattern.compile(
            "(?is)^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(\\S+)\\s+RENAME\\s+(?!COLUMN\\b|INDEX\\b|KEY\\b)(?:TO\\s+|AS\\s+)?\\S+.*");

    private RenameStatement() {
    }

    /** @return {@code [database or "", table]} of the renamed table, empty for any other statement */
    static Optional<String[]> oldName(String statement) {
        for (Pattern p : new Pattern[] {RENAME, ALTER_RENAME}) {
            Matcher m = p.matcher(statement);
            if (m.matches()) {
                String name = m.group(1).replace("`", "");
                int dot = name.indexOf('.');
                return Optional.of(dot < 0 ? new String[] {"", name}
                        : new String[] {name.substring(0, dot), name.substring(dot + 1)});
            }
        }
        return Optional.empty();
    }
}
