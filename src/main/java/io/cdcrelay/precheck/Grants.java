package io.cdcrelay.precheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privileges of an account as {@code SHOW GRANTS FOR CURRENT_USER()} prints them, on MySQL 5.7 and 8 and
 * on MariaDB. Only the text is read, so privileges held through a role are not seen: the role grant lines
 * are kept so a failure can say so.
 *
 * @param byScope privileges (upper case, MariaDB's aliases resolved) by scope: {@code *.*}, {@code db.*} or
 *                {@code db.table}; a database name of a database-level grant may hold MySQL's {@code %} and
 *                {@code _} wildcards
 * @param roles   roles granted to the account, as printed
 */
public record Grants(Map<Scope, Set<String>> byScope, List<String> roles) {

    /** What the relay needs, in the order the fix names them. */
    public static final List<String> REQUIRED = List.of("SELECT", "RELOAD", "SHOW DATABASES", "REPLICATION SLAVE",
            "REPLICATION CLIENT");

    /** A grant's target; {@code table} is {@code *} for a database-level grant, both are {@code *} for global. */
    public record Scope(String database, String table) {
        static final Scope GLOBAL = new Scope("*", "*");
    }

    private static final Pattern PRIVILEGE_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(.+?)\\s+TO\\s+.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ROLE_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+TO\\s+.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COLUMN_LIST = Pattern.compile("\\([^)]*\\)");
    /**
     * MariaDB 10.5+ prints BINLOG MONITOR where REPLICATION CLIENT was granted (docs/field-notes.md#debezium),
     * and accepts REPLICATION REPLICA for REPLICATION SLAVE.
     */
    private static final Map<String, String> ALIASES = Map.of(
            "BINLOG MONITOR", "REPLICATION CLIENT",
            "REPLICATION REPLICA", "REPLICATION SLAVE",
            "ALL", "ALL PRIVILEGES");

    public static Grants parse(List<String> lines) {
        Map<Scope, Set<String>> byScope = new LinkedHashMap<>();
        List<String> roles = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            Matcher privileges = PRIVILEGE_GRANT.matcher(text);
            if (privileges.matches()) {
                scope(privileges.group(2)).ifPresent(scope -> byScope.computeIfAbsent(scope, s -> new LinkedHashSet<>())
                        .addAll(privileges(privileges.group(1))));
                continue;
            }
            Matcher role = ROLE_GRANT.matcher(text);
            if (role.matches()) {
                roles.add(role.group(1));
            }
        }
        return new Grants(byScope, List.copyOf(roles));
    }

    /**
     * The required privileges the account lacks, in {@link #REQUIRED}'s order. All but SELECT must be global;
     * SELECT counts on {@code *.*}, or when every one of {@code databases} (those of the captured tables) has
     * a SELECT grant on the database or on a table of it.
     */
    public List<String> missing(Collection<String> databases) {
        List<String> missing = new ArrayList<>();
        for (String privilege : REQUIRED) {
            boolean held = holdsGlobally(privilege)
                    || privilege.equals("SELECT") && !databases.isEmpty() && databases.stream().allMatch(this::canSelectIn);
            if (!held) {
                missing.add(privilege);
            }
        }
        return missing;
    }

    /** Whether {@code ALL PRIVILEGES} is granted on {@code *.*} (MySQL 8 lists each privilege instead). */
    public boolean allGlobal() {
        return byScope.getOrDefault(Scope.GLOBAL, Set.of()).contains("ALL PRIVILEGES");
    }

    private boolean holdsGlobally(String privilege) {
        Set<String> global = byScope.getOrDefault(Scope.GLOBAL, Set.of());
        return global.contains(privilege) || global.contains("ALL PRIVILEGES");
    }

    private boolean canSelectIn(String database) {
        return byScope.entrySet().stream().anyMatch(e -> {
            Scope scope = e.getKey();
            boolean inDatabase = scope.table().equals("*") ? like(scope.database(), database)
                    : scope.database().equals(database);
            return inDatabase && (e.getValue().contains("SELECT") || e.getValue().contains("ALL PRIVILEGES"));
        });
    }

    private static Set<String> privileges(String list) {
        Set<String> out = new LinkedHashSet<>();
        // column privileges, SELECT (a, b), count as the privilege on their table
        for (String raw : COLUMN_LIST.matcher(list).replaceAll("").split(",")) {
            String privilege = raw.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (!privilege.isEmpty()) {
                out.add(ALIASES.getOrDefault(privilege, privilege));
            }
        }
        return out;
    }

    /**
     * {@code *.*}, {@code `db`.*} or {@code `db`.`table`}. Routine grants ({@code FUNCTION `db`.`f`}) and
     * {@code PROXY ON ''@'%'} read no table and are left out.
     */
    static Optional<Scope> scope(String target) {
        String text = target.strip();
        if (text.contains("@") || text.matches("(?i)^(FUNCTION|PROCEDURE|PACKAGE( BODY)?)\\s.*")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`' || c == '\'' || c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == c) {
                    current.append(c);
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        if (parts.size() == 1) {
            // "ON *" or "ON t": relative to a default database SHOW GRANTS never prints; nothing to learn
            return parts.get(0).equals("*") ? Optional.of(Scope.GLOBAL) : Optional.empty();
        }
        return parts.size() == 2 ? Optional.of(new Scope(parts.get(0), parts.get(1))) : Optional.empty();
    }

    /** MySQL's database-level wildcards: {@code %} any run, {@code _} one character, {@code \_} a literal one. */
    static boolean like(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return name.matches(regex.toString());
    }
}
