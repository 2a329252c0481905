package io.cdcrelay.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.cdcrelay.TestRelay;
import io.cdcrelay.it.RealServers.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production jar started in a working directory whose {@code routes/} a user edited: a route file that would
 * count changes as delivered without sending them, or that leaves out a step a message needs, stops the start with
 * one sentence and exit code 2.
 */
@ExtendWith(RealServers.class)
class EditedRoutesIT {

    @Test
    void aRouteFileWhoseChangesNeverReachTheSinkStopsTheStartWithOneSentence(Servers servers) throws Exception {
        String db = "it_edited_routes";
        String printed = startEdited(servers, db, "uri: \"sink:changes\"", "uri: \"log:changes\"");

        assertThat(printed).contains("cdc-relay: the route cdc reads debezium-mysql:" + db + " but none of its paths "
                + "ends in sink:changes, so every change would count as delivered without being sent: end it in "
                + "sink:changes, or in a direct: route that does, as routes/cdc.camel.yaml does.");
    }

    @Test
    void aRouteFileWithoutARequiredStepStopsTheStartNamingTheStep(Servers servers) throws Exception {
        String printed = startEdited(servers, "it_edited_steps",
                "        - process:\n            ref: renderWireFormat\n", "");

        assertThat(printed).contains("cdc-relay: the route cdc reaches sink:changes without the step "
                + "renderWireFormat, which writes the message value in relay.format: put \"- process: {ref: "
                + "renderWireFormat}\" back in the order of routes/cdc.camel.yaml (toChangeEvent, routeToTopic, "
                + "partitionByKey, renderWireFormat, then sink:changes).");
    }

    /**
     * Starts the jar in a folder whose route files are the shipped ones with {@code shipped} replaced, and waits
     * for it to stop with exit code 2.
     *
     * @return what it printed
     */
    private static String startEdited(Servers servers, String db, String shipped, String edited) throws Exception {
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        Path cwd = servers.dir().resolve(db);
        Files.createDirectories(cwd.resolve("routes"));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.writeString(cwd.resolve("routes").resolve(file.getFileName()), Files.readString(file)
                        .replace(shipped, edited));
            }
        }
        assertThat(Files.readString(Path.of("routes", "cdc.camel.yaml"))).as("the shipped text to edit")
                .contains(shipped);
        Properties p = TestRelay.properties(servers, db, cwd.resolve("data"), 6401);
        File log = cwd.resolve("relay.log").toFile();

        Process relay = RelayProcess.start(p, log, cwd, "-Xmx256m");
        assertThat(relay.waitFor(120, TimeUnit.SECONDS)).as("the start ended").isTrue();

        String printed = Files.readString(log.toPath());
        assertThat(relay.exitValue()).as("exit code, output:\n" + printed).isEqualTo(2);
        return printed;
    }
}
