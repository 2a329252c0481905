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
 * count changes as delivered without sending them stops the start with one sentence and exit code 2.
 */
@ExtendWith(RealServers.class)
class EditedRoutesIT {

    @Test
    void aRouteFileWhoseChangesNeverReachTheSinkStopsTheStartWithOneSentence(Servers servers) throws Exception {
        String db = "it_edited_routes";
        servers.sql("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        Path cwd = servers.dir().resolve("edited-routes");
        Files.createDirectories(cwd.resolve("routes"));
        try (var shipped = Files.list(Path.of("routes"))) {
            for (Path file : shipped.toList()) {
                Files.writeString(cwd.resolve("routes").resolve(file.getFileName()), Files.readString(file)
                        .replace("uri: \"sink:changes\"", "uri: \"log:changes\""));
            }
        }
        Properties p = TestRelay.properties(servers, db, cwd.resolve("data"), 6401);
        File log = cwd.resolve("relay.log").toFile();

        Process relay = RelayProcess.start(p, log, cwd, "-Xmx256m");
        assertThat(relay.waitFor(120, TimeUnit.SECONDS)).as("the start ended").isTrue();

        String printed = Files.readString(log.toPath());
        assertThat(relay.exitValue()).as("exit code, output:\n" + printed).isEqualTo(2);
        assertThat(printed).contains("cdc-relay: the route cdc reads debezium-mysql:" + db + " but none of its paths "
                + "ends in sink:changes, so every change would count as delivered without being sent: end it in "
                + "sink:changes, or in a direct: route that does, as routes/cdc.camel.yaml does.");
    }
}
