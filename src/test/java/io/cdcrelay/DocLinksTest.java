package io.cdcrelay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md leads somewhere: its file exists and, for a link into a
 * Markdown page, its {@code #anchor} is a heading there, as GitHub names headings. Sections moved between the
 * pages leave no dead links behind.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<String> dead = new ArrayList<>();
        int links = 0;
        for (Path page : pages()) {
            Matcher link = LINK.matcher(prose(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(page + ": " + target + " (no file " + resolved + ")");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(hash + 1))) {
                    dead.add(page + ": " + target + " (no heading #" + target.substring(hash + 1) + " in " + resolved + ")");
                }
            }
        }
        assertThat(links).as("relative links found").isGreaterThan(10);
        assertThat(dead).as("dead links").isEmpty();
    }

    /**
     * Code, build and configuration cite the docs by their repository path, {@code docs/formats.md#default}: each
     * cited page and heading exists, and nothing cites the design notes that live outside the repository.
     */
    @Test
    void everyCitationOfTheDocsInTheCodeResolvesAndNoneNamesNotesOutsideTheRepository() throws IOException {
        Pattern citation = Pattern.compile("docs/([a-z-]+\\.md)(?:#([\\p{L}\\p{N}_-]+))?");
        Pattern outside = Pattern.compile("\\b(?:FORMATS|DESIGN)\\.md|FIELD-NOTE[S]");
        List<String> dead = new ArrayList<>();
        int citations = 0;
        for (Path file : cited()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = citation.matcher(text);
            while (m.find()) {
                citations++;
                Path page = Path.of("docs", m.group(1));
                if (!Files.exists(page)) {
                    dead.add(file + ": " + m.group() + " (no page)");
                } else if (m.group(2) != null && !anchors(page).contains(m.group(2))) {
                    dead.add(file + ": " + m.group() + " (no heading #" + m.group(2) + ")");
                }
            }
            if (outside.matcher(text).find()) {
                dead.add(file + ": cites notes outside the repository; cite docs/*.md instead");
            }
        }
        assertThat(citations).as("citations found").isGreaterThan(10);
        assertThat(dead).as("dead citations").isEmpty();
    }

    @Test
    void anchorsAreNamedAsGitHubNamesHeadings() {
        assertThat(slug("`default` — OceanBase Migration Service \"Default\""))
                .isEqualTo("default--oceanbase-migration-service-default");
        assertThat(slug("Status, health and metrics over HTTP")).isEqualTo("status-health-and-metrics-over-http");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<Path> cited() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("pom.xml"), Path.of("application.properties")));
        for (String folder : List.of("src", "routes", "docker", "bench")) {
            try (Stream<Path> tree = Files.walk(Path.of(folder))) {
                tree.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(java|yaml|yml|properties|sh|sql|conf)"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** The page without its code blocks, whose lines are commands, not headings or links. */
    private static String prose(Path page) throws IOException {
        return FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll("");
    }

    /** The page's heading anchors; a repeated heading gets -1, -2, … as on GitHub. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(prose(page));
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /** GitHub's rule: lower case, punctuation dropped (letters, digits, '-' and '_' kept), each space a '-'. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
