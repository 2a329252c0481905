package io.cdcrelay.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Typed, validated access to the merged properties. Every failure is a {@link SettingsException} whose
 * sentence names the key, the offending value and the fix.
 */
public final class PropertyReader {

    private final Properties properties;

    public PropertyReader(Properties properties) {
        this.properties = properties;
    }

    public Optional<String> optional(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** The setting's value, or its default's. */
    public <T> T get(Setting<T> setting) {
        return optional(setting.key()).map(setting::parse).orElseGet(setting::defaultParsed);
    }

    /** The setting's value when it is set. */
    public <T> Optional<T> find(Setting<T> setting) {
        return optional(setting.key()).map(setting::parse);
    }

    /** The setting's value; unset, a {@link SettingsException} whose sentence ends with {@code fix}. */
    public <T> T require(Setting<T> setting, String fix) {
        return find(setting).orElseThrow(() -> new SettingsException(setting.key() + " is not set: " + fix + "."));
    }

    /** For the demo's own {@code relay.demo.*} keys, which the relay does not declare. */
    public int integer(String key, int defaultValue, int min, int max) {
        return optional(key).map(raw -> Parser.integer(min, max).parse(key, raw)).orElse(defaultValue);
    }

    /** {@code key}'s value as a comma-separated list. */
    public List<String> list(String key) {
        return optional(key).map(raw -> Parser.list().parse(key, raw)).orElse(List.of());
    }

    /** All keys under {@code prefix}, with the prefix stripped, in key order. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith(prefix) && k.length() > prefix.length())
                .forEach(k -> out.put(k.substring(prefix.length()), properties.getProperty(k).trim()));
        return out;
    }

}
