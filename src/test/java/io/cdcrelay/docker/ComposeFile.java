package io.cdcrelay.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A read-only view of {@code docker/compose.yaml} for tests, through snakeyaml-engine (on the class path
 * with camel-yaml-dsl). It reads the compose forms this repository uses and both spellings compose allows
 * for lists and environments.
 */
final class ComposeFile {

    private final Path directory;
    private final Map<String, Object> services;

    private ComposeFile(Path directory, Map<String, Object> services) {
        this.directory = directory;
        this.services = services;
    }

    static ComposeFile read(Path file) throws IOException {
        Object root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        return new ComposeFile(file.toAbsolutePath().getParent(), map(map(root).get("services")));
    }

    /** Relative paths of a compose file (build contexts, bind mounts) start at its own directory. */
    Path resolve(String relative) {
        return directory.resolve(relative).normalize();
    }

    List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /** The services built from {@code dockerfile} (a path inside their build context). */
    List<String> builtFrom(String dockerfile) {
        return services.keySet().stream()
                .filter(name -> service(name).get("build") instanceof Map<?, ?> build
                        && dockerfile.equals(build.get("dockerfile")))
                .toList();
    }

    Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("compose.yaml has no service " + name);
        }
        return map(service);
    }

    /** The service's environment as strings; compose accepts a map or a list of {@code KEY=VALUE}. */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> byName) {
            byName.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> lines) {
            for (Object line : lines) {
                String[] pair = String.valueOf(line).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** A service's command as words; compose accepts a list or one string. */
    List<String> command(String name) {
        return words(service(name).get("command"));
    }

    /** {@code source:target[:mode]} of each volume of the service, as written. */
    List<String> volumes(String name) {
        return words(service(name).get("volumes"));
    }

    List<String> profiles(String name) {
        return words(service(name).get("profiles"));
    }

    /** The services this one waits for, with the condition it waits for ({@code service_started} if none). */
    Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> byName) {
            byName.forEach((k, v) -> conditions.put(String.valueOf(k),
                    v instanceof Map<?, ?> m && m.get("condition") != null ? String.valueOf(m.get("condition"))
                            : "service_started"));
        } else {
            words(dependsOn).forEach(s -> conditions.put(s, "service_started"));
        }
        return conditions;
    }

    private static List<String> words(Object value) {
        List<String> words = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> words.add(String.valueOf(item)));
        } else if (value != null) {
            words.addAll(List.of(String.valueOf(value).trim().split("\\s+")));
        }
        return words;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping in compose.yaml, found " + value);
        }
        return (Map<String, Object>) value;
    }
}
