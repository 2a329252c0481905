package io.cdcrelay.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@code RELAY_*} environment variables as {@code relay.*} settings, because a container is usually
 * configured through its environment. A key's variable is the key upper-cased with {@code .} and {@code -}
 * written as {@code _}: {@code RELAY_SOURCE_SERVER_ID} sets {@code relay.source.server-id}.
 *
 * <p>Since {@code _} stands for two characters, a variable is matched against the known keys rather than
 * turned back into a key by rule. Only under the pass-through prefixes, whose keys belong to Kafka or
 * Debezium and are dotted lower-case names, does {@code _} become {@code .}
 * ({@code RELAY_KAFKA_PRODUCER_LINGER_MS} sets {@code relay.kafka.producer.linger.ms}). Keys that end in
 * database, table or topic names cannot be told apart, as those names may contain {@code _}: such variables
 * are refused. Other variables ({@code CAMEL_*}, which Camel Main reads itself, {@code PATH}, ...) are left alone.
 */
public final class EnvironmentVariables {

    private static final String PREFIX = "RELAY_";

    private static final Map<String, String> EXACT = exactKeysByVariable();

    private final Map<String, String> environment;

    /** @param environment the process environment, {@code System.getenv()} when the relay runs */
    public EnvironmentVariables(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The settings the {@code RELAY_*} variables give; a variable that names no setting stops the start. */
    public Properties settings() {
        Properties settings = new Properties();
        environment.keySet().stream().filter(v -> v.startsWith(PREFIX)).sorted()
                .forEach(v -> settings.setProperty(keyOf(v), environment.get(v)));
        return settings;
    }

    /** The variable that sets {@code key}. */
    public static String variableOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key {@code variable} sets, or a {@link SettingsException} naming the variable and the fix. */
    static String keyOf(String variable) {
        String exact = EXACT.get(variable);
        if (exact != null) {
            return exact;
        }
        for (SettingFamily family : SettingCatalog.families()) {
            String prefix = variableOf(family.prefix());
            if (!variable.startsWith(prefix) || variable.length() == prefix.length()) {
                continue;
            }
            String rest = variable.substring(prefix.length()).toLowerCase(Locale.ROOT);
            switch (family.variables()) {
                case DOTTED:
                    return family.prefix() + rest.replace('_', '.');
                case HYPHENATED:
                    return family.prefix() + rest.replace('_', '-');
                default:
                    throw new SettingsException(variable + " cannot be read as a " + family.pattern() + " setting, "
                            + "because database, table and topic names may contain '_': set the key in "
                            + "application.properties (or the --properties=FILE) instead.");
            }
        }
        throw new SettingsException(variable + " is not a cdc-relay setting: name a key of application.properties "
                + "upper-cased with '.' and '-' as '_' (RELAY_SOURCE_SERVER_ID for relay.source.server-id), "
                + "or unset the variable.");
    }

    private static Map<String, String> exactKeysByVariable() {
        Map<String, String> byVariable = new HashMap<>();
        for (Setting<?> setting : SettingCatalog.settings()) {
            String previous = byVariable.put(variableOf(setting.key()), setting.key());
            if (previous != null) {
                // a new key must keep variables unambiguous; this fails every test at once
                throw new IllegalStateException(previous + " and " + setting.key() + " share the variable "
                        + variableOf(setting.key()));
            }
        }
        return Map.copyOf(byVariable);
    }
}
