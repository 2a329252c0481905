package io.cdcrelay.precheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of secret settings in text the relay prints. The checks word their own lines without
 * secrets, but a line also carries what a server or client library said, and that text is not ours to trust.
 */
public final class SecretMask {

    static final String MASK = "****";

    /** Keys whose values are secret: the source password, SASL JAAS texts, TLS key passwords, RocketMQ's secret-key. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|jaas|credential|token).*");
    /** A password inside a JAAS text ({@code password="..."}), which a client may quote on its own. */
    private static final Pattern QUOTED_PASSWORD = Pattern.compile("(?i)password\\s*=\\s*\"([^\"]+)\"");

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets among {@code properties}: every value of a key that names a password, secret or JAAS text. */
    public static SecretMask of(Properties properties) {
        Set<String> secrets = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank() || !SECRET_KEY.matcher(key).matches()) {
                continue;
            }
            secrets.add(value);
            secrets.add(value.trim());
            Matcher inner = QUOTED_PASSWORD.matcher(value);
            while (inner.find()) {
                secrets.add(inner.group(1));
            }
        }
        List<String> ordered = new ArrayList<>(secrets);
        // longest first, so a secret that contains another is masked whole
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMask(List.copyOf(ordered));
    }

    /**
     * {@code text} with every secret replaced by {@value #MASK}. A secret that is also an ordinary word (a
     * password equal to the user name) masks that word too: an odd line is better than a leaked password.
     */
    public String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
