package io.cdcrelay.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Every {@code relay.*} key the relay reads, gathered from the declarations of each area. A key outside it stops
 * the start, so a typo never silently falls back to a default.
 */
public final class SettingCatalog {

    private static final List<Setting<?>> SETTINGS = Stream.of(RuntimeKeys.ALL, SourceKeys.ALL, SinkKeys.ALL,
            MessageKeys.ALL, DeliveryKeys.ALL, StateKeys.ALL, MirrorKeys.ALL, HaKeys.ALL)
            .flatMap(List::stream).sorted(Comparator.comparing(Setting::key)).toList();
    private static final List<SettingFamily> FAMILIES = Stream.of(RuntimeKeys.FAMILIES, SourceKeys.FAMILIES,
            SinkKeys.FAMILIES, MessageKeys.FAMILIES, StateKeys.FAMILIES, MirrorKeys.FAMILIES)
            .flatMap(List::stream).sorted(Comparator.comparing(SettingFamily::prefix)).toList();

    private SettingCatalog() {
    }

    /** The keys without a free-form part, by key. */
    public static List<Setting<?>> settings() {
        return SETTINGS;
    }

    /** The families of keys that end in a free-form part, by prefix. */
    public static List<SettingFamily> families() {
        return FAMILIES;
    }

    public static Optional<Setting<?>> setting(String key) {
        return SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The family {@code key} belongs to, if any. */
    public static Optional<SettingFamily> familyOf(String key) {
        return FAMILIES.stream().filter(f -> key.startsWith(f.prefix()) && key.length() > f.prefix().length())
                .findFirst();
    }

    static void rejectUnknown(Properties properties) {
        properties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("relay."))
                .filter(k -> setting(k).isEmpty() && familyOf(k).isEmpty())
                .findFirst()
                .ifPresent(k -> {
                    throw new SettingsException(k + " is not a cdc-relay setting: check its spelling against "
                            + "java -jar cdc-relay.jar --help-settings, or remove it.");
                });
    }

    /** The table {@code --help-settings} prints: key, kind, default and what it does, one line each. */
    public static String table() {
        List<String[]> rows = new ArrayList<>();
        SETTINGS.forEach(s -> rows.add(new String[] {s.key(), s.parser().kind(), s.shownDefault(), s.doc()}));
        FAMILIES.forEach(f -> rows.add(new String[] {f.pattern(), "passed on", f.shownDefault(), f.doc()}));
        rows.sort(Comparator.comparing(r -> r[0]));
        int keyWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        // a long list of choices overflows its column rather than widening every line
        int kindWidth = Math.min(24, rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
        int defaultWidth = Math.min(32, rows.stream().mapToInt(r -> r[2].length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String format = "%-" + keyWidth + "s  %-" + kindWidth + "s  %-" + defaultWidth + "s  %s%n";
        out.append(String.format(format, "key", "value", "default", "what it does"));
        rows.forEach(r -> out.append(String.format(format, (Object[]) r)));
        out.append(String.format("%nSet a key in application.properties (or --properties=FILE), as a RELAY_* "
                + "environment variable (the key upper-cased, '.' and '-' as '_'), or with -Dkey=value.%n"));
        return out.toString();
    }
}
