package io.cdcrelay.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Merges the configuration layers (docs/operations.md#running), later ones winning: the bundled defaults, the
 * defaults of the entry point (the demo turns {@code relay.embedded} on), {@code ./application.properties}
 * or the file given with {@code --properties=FILE}, then {@code RELAY_*} environment variables (see
 * {@link EnvironmentVariables}), then {@code -Dkey=value} system properties. The environment sits above the
 * file so a container can share one mounted file and differ by its variables, and below {@code -D}, which is
 * typed for one run.
 */
public final class PropertySources {

    static final String BUNDLED = "io/cdcrelay/config/application.properties";

    private final Properties entryDefaults;
    private final Map<String, String> environment;
    private final Properties system;

    public PropertySources(Properties entryDefaults, Map<String, String> environment, Properties system) {
        this.entryDefaults = entryDefaults;
        this.environment = environment;
        this.system = system;
    }

    /** @param userFile the file named by {@code --properties}; empty means {@code ./application.properties} if present */
    public Properties load(Optional<Path> userFile) {
        Properties merged = new Properties();
        try (InputStream in = PropertySources.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in != null) {
                try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    merged.load(reader);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + BUNDLED, e);
        }
        merged.putAll(entryDefaults);
        Path file = userFile.orElse(Path.of("application.properties"));
        if (Files.isRegularFile(file)) {
            readInto(merged, file);
        } else if (userFile.isPresent()) {
            throw new SettingsException("--properties=" + file + " names no readable file: give the path of "
                    + "an existing properties file.");
        }
        merged.putAll(new EnvironmentVariables(environment).settings());
        system.stringPropertyNames().stream()
                .filter(k -> k.startsWith("relay.") || k.startsWith("camel."))
                .forEach(k -> merged.setProperty(k, system.getProperty(k)));
        return merged;
    }

    private static void readInto(Properties target, Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            target.load(reader);
        } catch (IOException e) {
            throw new SettingsException("--properties=" + file + " cannot be read (" + e.getMessage()
                    + "): check the file's permissions.", e);
        }
    }
}
