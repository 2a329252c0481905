package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The README's key tables and application.properties against the declarations of {@link SettingCatalog}: a key
 * documented but not declared, declared but not documented, or shown with another default fails here.
 */
class SettingsDocumentationTest {

    private static final Pattern PROPERTY_LINE = Pattern.compile("^#?\\s*(relay\\.[A-Za-z0-9._${}-]+)=(.*)$");

    @Test
    void theReadmeKeyTablesDocumentExactlyTheDeclaredKeysWithTheirDefaults() throws IOException {
        Map<String, String> documented = readmeKeys();
        Set<String> declared = new TreeSet<>();
        SettingCatalog.settings().forEach(s -> declared.add(s.key()));
        SettingCatalog.families().forEach(f -> declared.add(f.pattern()));

        assertThat(documented.keySet()).as("keys in the README's tables").containsExactlyInAnyOrderElementsOf(declared);
        List<String> wrongDefaults = new ArrayList<>();
        SettingCatalog.settings().forEach(s -> compare(s.key(), s.shownDefault(), documented, wrongDefaults));
        SettingCatalog.families().forEach(f -> compare(f.pattern(), f.shownDefault(), documented, wrongDefaults));
        assertThat(wrongDefaults).as("README default / declared default").isEmpty();
    }

    @Test
    void applicationPropertiesNamesEveryDeclaredKeyAndSetsOnlyTheDeclaredDefaults() throws IOException {
        Set<String> named = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("application.properties"))) {
            Matcher m = PROPERTY_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            var setting = SettingCatalog.setting(key);
            if (setting.isEmpty()) {
                if (SettingCatalog.familyOf(key).isEmpty()) {
                    wrong.add(key + " is not declared");
                }
                continue;
            }
            named.add(key);
            boolean set = !line.startsWith("#");
            if (set && !m.group(2).trim().equals(setting.get().defaultValue())) {
                wrong.add(key + "=" + m.group(2).trim() + " but its declared default is " + setting.get().defaultValue());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(named).containsExactlyInAnyOrderElementsOf(
                SettingCatalog.settings().stream().map(Setting::key).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static void compare(String key, String declared, Map<String, String> documented, List<String> wrong) {
        String shown = documented.get(key);
        if (shown != null && !shown.equals(declared)) {
            wrong.add(key + ": README " + shown + " / declared " + declared);
        }
    }

    /**
     * Key → default of every row of a three-column table whose first cell names {@code relay.} keys. A cell may
     * name several keys, later ones relative to the first ({@code `relay.topic.partitions` / `.replication-factor`});
     * the default cell then gives one default for all, or one per key.
     */
    private static Map<String, String> readmeKeys() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            String[] cells = line.split("\\s*\\|\\s*");
            if (!line.startsWith("| `relay.") || cells.length != 4) {
                continue;
            }
            List<String> rowKeys = new ArrayList<>();
            String parent = "";
            for (String token : cells[1].split("\\s*[/,]\\s*")) {
                String key = token.replace("`", "").trim();
                if (key.startsWith(".")) {
                    key = parent + key;
                } else {
                    parent = key.substring(0, key.lastIndexOf('.', key.length() - 2));
                    int free = key.indexOf(".<");
                    if (free > 0) {
                        parent = key.substring(0, key.lastIndexOf('.', free - 1));
                    }
                }
                rowKeys.add(key);
            }
            List<String> defaults = Arrays.stream(cells[3].split(" / ")).map(d -> d.replace("`", "").trim()).toList();
            assertThat(defaults.size()).as("defaults of " + rowKeys + ": one for all, or one per key")
                    .isIn(1, rowKeys.size());
            for (int i = 0; i < rowKeys.size(); i++) {
                keys.put(rowKeys.get(i), defaults.get(defaults.size() == 1 ? 0 : i));
            }
        }
        return keys;
    }
}
