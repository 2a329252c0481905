package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/formats.md shows the golden files of the format tests as they are, so its examples cannot drift from what
 * the formats write. Run with {@code -Dformats.doc.write=true} to copy the golden files into the page.
 */
class FormatsDocTest {

    private static final Path DOC = Path.of("docs", "formats.md");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    /** {@code <!-- golden: default/update.json -->} right above a json fence. */
    private static final Pattern EXAMPLE = Pattern.compile("<!-- golden: (\\S+) -->\\n```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleIsItsGoldenFileCharacterForCharacterAndEveryGoldenFileIsShown() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("formats.doc.write")) {
            doc = EXAMPLE.matcher(doc).replaceAll(m -> Matcher.quoteReplacement(
                    "<!-- golden: " + m.group(1) + " -->\n```json\n" + golden(m.group(1)) + "```"));
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
        }
        List<String> shown = new ArrayList<>();
        Matcher example = EXAMPLE.matcher(doc);
        while (example.find()) {
            String name = example.group(1);
            shown.add(name);
            assertThat(example.group(2)).as(DOC + " example " + name + " against " + GOLDEN.resolve(name)
                    + " (-Dformats.doc.write=true copies it)").isEqualTo(golden(name));
        }
        assertThat(new TreeSet<>(shown)).as("the golden files shown in " + DOC).isEqualTo(goldenFiles());
    }

    private static String golden(String name) {
        Path file = GOLDEN.resolve(name);
        assertThat(file).as("golden file of the example " + name).exists();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static TreeSet<String> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> GOLDEN.relativize(f).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
