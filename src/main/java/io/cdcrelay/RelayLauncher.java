package io.cdcrelay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

import io.cdcrelay.capture.DebeziumSourceConfiguration;
import io.cdcrelay.capture.SavedPositionCheck;
import io.cdcrelay.change.JdbcKeyCatalog;
import io.cdcrelay.change.KeyCatalog;
import io.cdcrelay.change.SourceConnections;
import io.cdcrelay.change.SourceSchema;
import io.cdcrelay.config.EmbeddedEnvironment;
import io.cdcrelay.config.PropertyReader;
import io.cdcrelay.config.PropertySources;
import io.cdcrelay.config.RelaySettings;
import io.cdcrelay.config.RuntimeKeys;
import io.cdcrelay.config.SettingCatalog;
import io.cdcrelay.config.SettingsException;
import io.cdcrelay.config.SourceChecks;
import io.cdcrelay.config.SourceSettings;
import io.cdcrelay.failover.SourceFollower;
import io.cdcrelay.ha.StandbyRestart;
import io.cdcrelay.ops.HttpPortGuard;
import io.cdcrelay.position.OffsetSeeder;
import io.cdcrelay.position.OffsetStorage;
import io.cdcrelay.position.RetentionGuard;
import io.cdcrelay.precheck.Precheck;
import io.cdcrelay.precheck.PrecheckReport;
import io.cdcrelay.precheck.SecretMask;
import io.cdcrelay.topic.StateTopics;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration, starts the embedded servers when asked, runs the precheck, and runs Camel Main
 * with the routes the settings select until the JVM is told to stop. With {@code --precheck} it stops after
 * the checks; with {@code --help-settings} it prints every setting and exits.
 */
public final class RelayLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLauncher.class);
    private static final Logger PRECHECK = LoggerFactory.getLogger("cdc-relay.precheck");
    private static final String PROPERTIES_OPTION = "--properties=";
    private static final String PRECHECK_OPTION = "--precheck";
    private static final String HELP_SETTINGS_OPTION = "--help-settings";
    private static final Duration STATE_TOPICS_WAIT = Duration.ofSeconds(60);

    private final Properties entryDefaults;
    private final Map<String, String> environment;

    /**
     * @param entryDefaults defaults of the entry point, between the bundled file and the user's
     * @param environment   the process environment, whose {@code RELAY_*} variables are settings
     */
    public RelayLauncher(Properties entryDefaults, Map<String, String> environment) {
        this.entryDefaults = entryDefaults;
        this.environment = environment;
    }

    /** @return the process exit code */
    public int run(String[] args) {
        if (List.of(args).contains(HELP_SETTINGS_OPTION)) {
            System.out.print(SettingCatalog.table());
            return 0;
        }
        // before anything touches java.util.logging, so the binlog client's lines follow log4j2.properties
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        EmbeddedEnvironment embedded = null;
        try {
            Properties properties = new PropertySources(entryDefaults, environment, System.getProperties()).load(propertiesFile(args));
            if (new PropertyReader(properties).get(RuntimeKeys.EMBEDDED)) {
                embedded = embeddedEnvironment();
                properties.putAll(embedded.start(properties));
            }
            RelaySettings settings = RelaySettings.from(properties);
            RelayBeans.rejectWrongSettings(settings);
            if (!precheckOnly(args) && settings.http().enabled()) {
                // a taken port stops a start as a wrong setting does, before the precheck waits for any server;
                // --precheck lists it as a FAIL line instead
                HttpPortGuard.rejectUnavailable(settings.http().port());
            }
            // the same checks whether asked for or not: a relay that cannot work does not start half-way
            PrecheckReport report = precheckOnly(args) ? new Precheck(settings).run()
                    : new Precheck(settings).runBeforeStart();
            SecretMask mask = SecretMask.of(properties);
            if (precheckOnly(args) || !report.passed()) {
                return reported(report, mask, precheckOnly(args));
            }
            report.lines(mask).forEach(PRECHECK::info);
            Main main;
            StandbyRestart restart;
            do {
                restart = new StandbyRestart();
                main = newMain(settings, properties, restart);
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
            } while (restart.requested());
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

    /** Prints every line; on a failure also one sentence on standard error. @return the exit code */
    private static int reported(PrecheckReport report, SecretMask mask, boolean asked) {
        report.print(System.out, mask);
        if (report.passed()) {
            return 0;
        }
        String failed = report.failures() + " of " + report.results().size() + " checks failed";
        System.err.println("cdc-relay: " + (asked ? failed + "." : "not started: " + failed
                + "; the FAIL lines say how to fix them."));
        return Precheck.FAILED_EXIT_CODE;
    }

    /** Camel Main with the relay's beans and the routes the settings select; not yet started. */
    static Main newMain(RelaySettings settings, Properties properties) {
        return newMain(settings, properties, new StandbyRestart());
    }

    /** @param restart told when the relay lost the lead of {@code relay.ha.*}: the launcher then starts a new Main */
    static Main newMain(RelaySettings settings, Properties properties, StandbyRestart restart) {
        Optional<String> columnExcludeList = Optional.empty();
        KeyCatalog keys = null;
        boolean fromSeededOffset = false;
        Optional<String> savedFile = Optional.empty();
        SourceFollower follower = null;
        if (settings.capture().isPresent()) {
            SourceSettings configured = settings.capture().get().source();
            follower = new SourceFollower(configured);
            SavedPositionCheck positions = new SavedPositionCheck(settings);
            // the saved GTIDs pick the server before anything reads one; a server that lacks them, or whose binlog
            // purged what follows them, is never chosen (the GTID form of the purged-file check below)
            follower.choose(() -> positions.saved().map(RetentionGuard.Saved::gtids));
            SourceSettings source = follower.reading();
            SourceConnections connections = follower.connections();
            // one catalog: the keys the start checks read are the ones the change mapper then uses
            keys = new JdbcKeyCatalog(connections);
            SourceChecks checks = new SourceChecks(source, settings.partitioning(), new SourceSchema(connections), keys);
            checks.verifyColumns();
            checks.warnAboutTablesWithoutKey();
            columnExcludeList = checks.columnExcludeList();
            if (settings.state().kafka() != null) {
                StateTopics.createMissing(settings.state().kafka(), STATE_TOPICS_WAIT);
            }
            // relay.incremental.start-timestamp: seek once, before the first start; a saved position wins
            OffsetStorage offsets = DebeziumSourceConfiguration.offsetStorage(source, settings.dataDir(), settings.state(),
                    settings.delivery());
            fromSeededOffset = OffsetSeeder.seedIfFirstStart(source, offsets, settings.startTimestamp());
            // a saved position the source purged stops the start here, with one sentence, not inside Debezium
            savedFile = (configured.followsFailover() ? positions.saved() : positions.rejectPurged())
                    .map(RetentionGuard.Saved::file);
        }
        Main main = new Main();
        restart.stopWith(main::completed);
        main.setOverrideProperties(withHttpServer(settings, properties));
        main.configure().addConfiguration(new RelayBeans(settings, follower, keys, columnExcludeList, fromSeededOffset, savedFile, restart));
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
            } else if (!arg.equals(PRECHECK_OPTION)) {
                throw new SettingsException("the argument " + arg + " is not understood: give settings as "
                        + "--properties=FILE or -Dkey=value before -jar, " + PRECHECK_OPTION + " to only run the "
                        + "checks, and " + HELP_SETTINGS_OPTION + " to list the settings.");
            }
        }
        return file;
    }

    /** {@code --precheck}: run the checks, print them, and exit instead of starting. */
    static boolean precheckOnly(String[] args) {
        return List.of(args).contains(PRECHECK_OPTION);
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
        if (settings.capture().isPresent()) {
            files.add(base + "cdc.camel.yaml");
            if (settings.formats().heartbeatInterval().isPresent()) {
                files.add(base + "heartbeat.camel.yaml");
            }
        }
        if (settings.mirror().isPresent()) {
            files.add(base + "kafka-mirror.camel.yaml");
        }
        if (settings.http().enabled()) {
            files.add(base + "ops-http.camel.yaml");
        }
        return files;
    }

    /**
     * Camel's own settings the relay chooses, under the user's: {@code relay.http.port} as Camel's HTTP server,
     * Jolokia as Camel's management service on the same port, and a routing engine without per-change costs the
     * relay does not use (stream caching: bodies are records, never streams; UUID exchange ids; per-processor
     * JMX statistics, route statistics stay for Hawtio). A user's {@code camel.*} keys win.
     */
    static Properties withHttpServer(RelaySettings settings, Properties properties) {
        Properties camel = new Properties();
        camel.setProperty("camel.main.streamCachingEnabled", "false");
        camel.setProperty("camel.main.uuidGenerator", "simple");
        camel.setProperty("camel.main.jmxManagementStatisticsLevel", "RoutesOnly");
        if (settings.http().enabled()) {
            String port = String.valueOf(settings.http().port());
            camel.setProperty("camel.server.enabled", "true");
            camel.setProperty("camel.server.port", port);
            if (settings.http().jolokia()) {
                camel.setProperty("camel.management.enabled", "true");
                camel.setProperty("camel.management.port", port);
                camel.setProperty("camel.management.jolokiaEnabled", "true");
                camel.setProperty("camel.management.jolokiaPath", "/jolokia");
            }
        }
        camel.putAll(properties);
        return camel;
    }
}
