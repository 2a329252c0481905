package io.cdcrelay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

import io.cdcrelay.capture.OffsetSeeder;
import io.cdcrelay.change.JdbcKeyCatalog;
import io.cdcrelay.change.KeyCatalog;
import io.cdcrelay.change.SourceConnections;
import io.cdcrelay.change.SourceSchema;
import io.cdcrelay.config.EmbeddedEnvironment;
import io.cdcrelay.config.PropertyReader;
import io.cdcrelay.config.PropertySources;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.SourceChecks;
import io.cdcrelay.config.SourceSettings;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration, starts the embedded servers when asked, and runs Camel Main with the routes
 * the settings select until the JVM is told to stop.
 */
public final class RelayLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLauncher.class);
    private static final String PROPERTIES_OPTION = "--properties=";

    private final Properties entryDefaults;

    /** @param entryDefaults defaults of the entry point, between the bundled file and the user's */
    public RelayLauncher(Properties entryDefaults) {
        this.entryDefaults = entryDefaults;
    }

    /** @return the process exit code */
    public int run(String[] args) {
        // before anything touches java.util.logging, so the binlog client's lines follow log4j2.properties
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        EmbeddedEnvironment embedded = null;
        try {
            Properties properties = new PropertySources(entryDefaults, System.getProperties()).load(propertiesFile(args));
            if (new PropertyReader(properties).bool("relay.embedded", false)) {
                embedded = embeddedEnvironment();
                properties.putAll(embedded.start(properties));
            }
            Main main = newMain(RelaySettings.from(properties), properties);
            if (embedded != null) {
                EmbeddedEnvironment watched = embedded;
                main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                    @Override
                    public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                        LOG.info(watched.howToWatch());
                    }
                });
            }
            main.run();
            return main.getExitCode();
        } catch (Exception e) {
            Optional<SettingsException> wrong = settingsError(e);
            if (wrong.isPresent()) {
                System.err.println("cdc-relay: " + wrong.get().getMessage());
                return 2;
            }
            LOG.error("cdc-relay stopped: {}", e.getMessage(), e);
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Camel Main with the relay's beans and the routes the settings select; not yet started. */
    static Main newMain(RelaySettings settings, Properties properties) {
        Optional<String> columnExcludeList = Optional.empty();
        KeyCatalog keys = null;
        boolean fromSeededOffset = false;
        if (settings.cdcEnabled()) {
            SourceSettings source = settings.source();
            SourceConnections connections = source.connections();
            // one catalog: the keys the start checks read are the ones the change mapper then uses
            keys = new JdbcKeyCatalog(connections);
            SourceChecks checks = new SourceChecks(source, settings.partitioning(), new SourceSchema(connections), keys);
            checks.verifyColumns();
            checks.warnAboutTablesWithoutKey();
            columnExcludeList = checks.columnExcludeList();
            // relay.incremental.start-timestamp: seek once, before the first start; a saved position wins
            fromSeededOffset = OffsetSeeder.seedIfFirstStart(source, settings.dataDir(), settings.startTimestamp());
        }
        Main main = new Main();
        main.setOverrideProperties(properties);
        main.configure().addConfiguration(new RelayBeans(settings, keys, columnExcludeList, fromSeededOffset));
        main.configure().withRoutesIncludePattern(String.join(",", routeFiles(settings)));
        return main;
    }

    /** A wrong setting found while Camel binds the beans arrives wrapped in Camel's exceptions. */
    private static Optional<SettingsException> settingsError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SettingsException wrong) {
                return Optional.of(wrong);
            }
        }
        return Optional.empty();
    }

    static Optional<Path> propertiesFile(String[] args) {
        Optional<Path> file = Optional.empty();
        for (String arg : args) {
            if (arg.startsWith(PROPERTIES_OPTION)) {
                file = Optional.of(Path.of(arg.substring(PROPERTIES_OPTION.length())));
            } else {
                throw new SettingsException("the argument " + arg + " is not understood: give settings as "
                        + "--properties=FILE or -Dkey=value before -jar.");
            }
        }
        return file;
    }

    private static EmbeddedEnvironment embeddedEnvironment() {
        return ServiceLoader.load(EmbeddedEnvironment.class).findFirst().orElseThrow(() -> new SettingsException(
                "relay.embedded=true needs the embedded servers, which this production jar does not carry: run "
                        + "target/cdc-relay-demo.jar instead, or set relay.embedded=false and point relay.source.* "
                        + "and relay.kafka.bootstrap-servers at real servers."));
    }

    /** The route files to load: from ./routes when that folder exists (the editable copy), else bundled. */
    static List<String> routeFiles(RelaySettings settings) {
        String base = Files.isDirectory(Path.of("routes")) ? "file:routes/" : "classpath:routes/";
        List<String> files = new ArrayList<>();
        if (settings.cdcEnabled()) {
            files.add(base + "cdc-to-" + settings.sink() + ".camel.yaml");
            if (settings.formats().heartbeatInterval().isPresent()) {
                files.add(base + "heartbeat-to-" + settings.sink() + ".camel.yaml");
            }
        }
        if (settings.mirror() != null) {
            files.add(base + "kafka-mirror.camel.yaml");
        }
        return files;
    }
}
