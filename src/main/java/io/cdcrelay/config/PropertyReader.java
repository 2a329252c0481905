package io.cdcrelay.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validated access to the merged properties. Every failure is a {@link SettingsException} whose
 * sentence names the key, the offending value and the fix.
 */
public final class PropertyReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

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

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public String required(String key, String fix) {
        return optional(key).orElseThrow(() -> new SettingsException(key + " is not set: " + fix + "."));
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw outOfRange(key, raw.get(), min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw outOfRange(key, raw.get(), min, max);
        }
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                throw outOfRange(key, raw.get(), min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw outOfRange(key, raw.get(), min, max);
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingsException(
                    key + "=" + raw.get() + " is not a boolean: set it to true or false.");
        };
    }

    /** A duration written as a number with an optional unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; no unit means ms. */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(raw.get());
        if (!m.matches()) {
            throw new SettingsException(key + "=" + raw.get()
                    + " is not a duration: write a whole number with ms, s, m or h, for example 5s.");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    public String oneOf(String key, String defaultValue, String... allowed) {
        String value = string(key, defaultValue).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(value)) {
            throw new SettingsException(key + "=" + value + " is not valid: use one of "
                    + String.join(", ", allowed) + ".");
        }
        return value;
    }

    public List<String> list(String key) {
        return optional(key).map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /** All keys under {@code prefix}, with the prefix stripped, in key order. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith(prefix) && k.length() > prefix.length())
                .forEach(k -> out.put(k.substring(prefix.length()), properties.getProperty(k).trim()));
        return out;
    }

    private static SettingsException outOfRange(String key, String raw, long min, long max) {
        return new SettingsException(key + "=" + raw + " is not valid: use a whole number from " + min
                + " to " + max + ".");
    }
}
