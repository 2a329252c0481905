package io.cdcrelay.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one setting into its value, or fails with one sentence naming the key, the value and the fix.
 * A value is trimmed and never blank by the time it gets here.
 */
@FunctionalInterface
public interface Parser<T> {

    T parse(String key, String raw);

    /** The value's kind in the settings table of {@code --help-settings}. */
    default String kind() {
        return "text";
    }

    static Parser<String> text() {
        return (key, raw) -> raw;
    }

    /** Text that must match {@code pattern} entirely; {@code fix} completes "use ..." in the sentence. */
    static Parser<String> matching(String pattern, String fix) {
        Pattern compiled = Pattern.compile(pattern);
        return (key, raw) -> {
            if (!compiled.matcher(raw).matches()) {
                throw new SettingsException(key + "=" + raw + " is not valid: use " + fix + ".");
            }
            return raw;
        };
    }

    static Parser<Integer> integer(int min, int max) {
        return named("whole number " + min + ".." + max,
                (key, raw) -> Math.toIntExact(wholeNumber(key, raw, min, max)));
    }

    static Parser<Long> longInteger(long min, long max) {
        return named("whole number " + min + ".." + max, (key, raw) -> wholeNumber(key, raw, min, max));
    }

    static Parser<Boolean> bool() {
        return named("true/false", (key, raw) -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingsException(key + "=" + raw + " is not a boolean: set it to true or false.");
        });
    }

    /** A whole number with an optional unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; no unit means ms. */
    static Parser<Duration> duration() {
        Pattern form = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
        return named("duration", (key, raw) -> {
            Matcher m = form.matcher(raw);
            if (!m.matches()) {
                throw new SettingsException(key + "=" + raw
                        + " is not a duration: write a whole number with ms, s, m or h, for example 5s.");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "ms" : m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMillis(amount);
            };
        });
    }

    /** Comma-separated items, blanks dropped. */
    static Parser<List<String>> list() {
        return named("comma-separated list", (key, raw) -> Arrays.stream(raw.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** One of an enum's constants, written lower-case with {@code -} for {@code _} ({@code AT_LEAST_ONCE}: at-least-once). */
    static <E extends Enum<E>> Parser<E> choice(Class<E> type) {
        return choice(type, e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** One of an enum's constants, each written as {@code spelling} gives, in any case. */
    static <E extends Enum<E>> Parser<E> choice(Class<E> type, Function<E, String> spelling) {
        List<E> constants = List.of(type.getEnumConstants());
        String allowed = String.join(", ", constants.stream().map(spelling).toList());
        return named("one of " + String.join("|", constants.stream().map(spelling).toList()), (key, raw) -> constants.stream()
                .filter(c -> spelling.apply(c).equalsIgnoreCase(raw)).findFirst()
                .orElseThrow(() -> new SettingsException(key + "=" + raw.toLowerCase(Locale.ROOT)
                        + " is not valid: use one of " + allowed + ".")));
    }

    /** {@code parser} with {@code kind} as its kind. */
    static <T> Parser<T> named(String kind, Parser<T> parser) {
        return new Parser<>() {
            @Override
            public T parse(String key, String raw) {
                return parser.parse(key, raw);
            }

            @Override
            public String kind() {
                return kind;
            }
        };
    }

    private static long wholeNumber(String key, String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what to write
        }
        throw new SettingsException(key + "=" + raw + " is not valid: use a whole number from " + min + " to "
                + max + ".");
    }
}
