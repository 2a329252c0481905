package io.cdcrelay.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code relay.*} key, declared once: its name, how its text becomes a value, its default and one line of
 * documentation. The start, the precheck, the environment-variable mapping, {@code --help-settings} and the tests
 * that hold the README and {@code application.properties} to the declarations all read it from here.
 *
 * @param defaultValue the default as written in a properties file; null when the key has none of its own (it is
 *                     required where it matters, or its default follows from other keys)
 * @param shownDefault the default as the settings table shows it: {@code defaultValue}, or words such as
 *                     {@code <relay.source.name>.positions} or {@code off}
 */
public record Setting<T>(String key, Parser<T> parser, String defaultValue, String shownDefault, String doc) {

    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(parser);
        Objects.requireNonNull(shownDefault);
        Objects.requireNonNull(doc);
    }

    /** A key with a default of its own. */
    static <T> Setting<T> of(String key, Parser<T> parser, String defaultValue, String doc) {
        return new Setting<>(key, parser, Objects.requireNonNull(defaultValue), defaultValue, doc);
    }

    /** A key without a default of its own; {@code shownDefault} says what applies when it is unset. */
    static <T> Setting<T> optional(String key, Parser<T> parser, String shownDefault, String doc) {
        return new Setting<>(key, parser, null, shownDefault, doc);
    }

    /** The value of {@code raw}, the key's text. */
    T parse(String raw) {
        return parser.parse(key, raw);
    }

    /** The default's value; only for keys that have one. */
    T defaultParsed() {
        return parse(Optional.ofNullable(defaultValue)
                .orElseThrow(() -> new IllegalStateException(key + " has no default of its own")));
    }
}
