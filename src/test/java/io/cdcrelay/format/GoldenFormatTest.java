package io.cdcrelay.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cdcrelay.change.ChangeEvent;
import io.cdcrelay.change.Changes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text format against {@code src/test/resources/golden/<format>/<case>.json}, field by field. Run with
 * {@code -Dgolden.write=true} to write missing golden files, then read them against docs/formats.md before
 * committing them; FormatsDocTest copies them into that page.
 */
class GoldenFormatTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<Arguments> cases() {
        List<Function<FormatOptions, WireFormat>> formats = List.of(DefaultFormat::new,
                DefaultExtendColumnTypeFormat::new, CanalFormat::new, DataworksFormat::new, SharePlexFormat::new);
        List<Object[]> changes = List.of(
                new Object[] {"insert", (Supplier<ChangeEvent>) Changes::insert},
                new Object[] {"update", (Supplier<ChangeEvent>) Changes::update},
                new Object[] {"delete", (Supplier<ChangeEvent>) Changes::delete},
                new Object[] {"snapshot", (Supplier<ChangeEvent>) Changes::snapshotRow},
                new Object[] {"ddl-alter", (Supplier<ChangeEvent>) () -> Changes.ddl("ALTER TABLE orders ADD COLUMN note TEXT")},
                new Object[] {"ddl-truncate", (Supplier<ChangeEvent>) () -> Changes.ddl("TRUNCATE TABLE `shop`.`orders`")},
                new Object[] {"heartbeat", (Supplier<ChangeEvent>) Changes::heartbeat},
                new Object[] {"types", (Supplier<ChangeEvent>) TypedRows::insert});
        List<Arguments> out = new ArrayList<>();
        for (Function<FormatOptions, WireFormat> format : formats) {
            String name = format.apply(TestFormatOptions.of(true)).name();
            for (Object[] c : changes) {
                out.add(Arguments.of(name, c[0], format, c[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void everyFormatWritesEachKindOfChangeExactlyAsItsGoldenFile(String format, String change, Object factory,
            Object changeSupplier) throws IOException {
        WireFormat wire = ((Function<FormatOptions, WireFormat>) factory).apply(TestFormatOptions.of(true));
        String rendered = wire.render(((Supplier<ChangeEvent>) changeSupplier).get());
        assertMatchesGolden(format, change, rendered);
    }

    static void assertMatchesGolden(String format, String change, String rendered) throws IOException {
        Path file = GOLDEN.resolve(format).resolve(change + ".json");
        JsonNode actual = JSON.readTree(rendered);
        if (!Files.exists(file) && Boolean.getBoolean("golden.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file").exists();
        JsonNode expected = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(JsonDiff.differences(expected, actual)).as(format + " " + change + " against " + file).isEmpty();
    }
}
