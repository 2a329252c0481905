package io.cdcrelay.config;

import java.util.HashMap;
import java.util.List;
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

    /** Kafka's and Debezium's settings are dotted lower-case names, so every {@code _} was a {@code .}. */
    private static final List<String> DOTTED_FAMILIES = List.of("relay.kafka.producer.",
            "relay.mirror.source.properties.", "relay.mirror.destination.properties.", "relay.source.debezium.",
            "relay.state.kafka.properties.");

    /** The demo's own settings are hyphenated words ({@code relay.demo.transactions-per-second}). */
    private static final String DEMO_FAMILY = "relay.demo.";

    /** Database, table and topic names may contain {@code _}, so the variable cannot say where one ends. */
    private static final List<String> TABLE_KEYED_FAMILIES = List.of("relay.topic.map.", "relay.sharding-columns.",
            "relay.columns.", "relay.format.topic.");

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
        for (String family : TABLE_KEYED_FAMILIES) {
            if (variable.startsWith(variableOf(family))) {
                throw new SettingsException(variable + " cannot be read as a " + family + "* setting, because "
                        + "database, table and topic names may contain '_': set the key in application.properties "
                        + "(or the --properties=FILE) instead.");
            }
        }
        for (String family : DOTTED_FAMILIES) {
            String rest = rest(variable, family);
            if (!rest.isEmpty()) {
                return family + rest.toLowerCase(Locale.ROOT).replace('_', '.');
            }
        }
        String demo = rest(variable, DEMO_FAMILY);
        if (!demo.isEmpty()) {
            return DEMO_FAMILY + demo.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        throw new SettingsException(variable + " is not a cdc-relay setting: name a key of application.properties "
                + "upper-cased with '.' and '-' as '_' (RELAY_SOURCE_SERVER_ID for relay.source.server-id), "
                + "or unset the variable.");
    }

    /** What follows the family's prefix in {@code variable}; empty when it is not of that family. */
    private static String rest(String variable, String family) {
        String prefix = variableOf(family);
        return variable.startsWith(prefix) ? variable.substring(prefix.length()) : "";
    }

    private static Map<String, String> exactKeysByVariable() {
        Map<String, String> byVariable = new HashMap<>();
        KnownKeys.exactKeys().forEach(key -> put(byVariable, key));
        // RocketMQ's producer settings are the relay's own hyphenated names, not client properties
        RocketMqSettings.PRODUCER_KEYS.forEach(name -> put(byVariable, "relay.rocketmq.producer." + name));
        return Map.copyOf(byVariable);
    }

    private static void put(Map<String, String> byVariable, String key) {
        String previous = byVariable.put(variableOf(key), key);
        if (previous != null) {
            // a key added to KnownKeys must keep variables unambiguous; this fails every test at once
            throw new IllegalStateException(previous + " and " + key + " share the variable " + variableOf(key));
        }
    }
}
