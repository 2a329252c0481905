package io.cdcrelay.config;

import java.time.Duration;
import java.util.List;

import io.cdcrelay.config.SettingFamily.Variables;

/** The keys of the process itself: its folder, its HTTP port, what it prints, and the demo's servers. */
public final class RuntimeKeys {

    public static final Setting<Boolean> EMBEDDED = Setting.of("relay.embedded", Parser.bool(), "false",
            "start an embedded MariaDB and Kafka with a demo workload (only cdc-relay-demo.jar carries them)");
    public static final Setting<String> DATA_DIR = Setting.of("relay.data-dir", Parser.text(), "./data",
            "offsets and schema history with relay.state.store=file (and the demo's servers)");
    public static final Setting<Duration> PROGRESS_INTERVAL = Setting.of("relay.progress.interval", Parser.duration(), "5s",
            "how often the progress line is printed");
    public static final Setting<Integer> HTTP_PORT = Setting.of("relay.http.port", Parser.integer(0, 65535), "8080",
            "port of /status, /health and /metrics; 0 turns the HTTP server off");
    public static final Setting<Boolean> JOLOKIA = Setting.of("relay.jolokia.enabled", Parser.bool(), "false",
            "serve Jolokia (JMX over HTTP, for Hawtio) on /jolokia of relay.http.port");

    public static final SettingFamily DEMO = new SettingFamily("relay.demo.", "*", Variables.HYPHENATED, "—",
            "the demo workload's settings (cdc-relay-demo.jar)");

    public static final List<Setting<?>> ALL = List.of(EMBEDDED, DATA_DIR, PROGRESS_INTERVAL, HTTP_PORT, JOLOKIA);
    public static final List<SettingFamily> FAMILIES = List.of(DEMO);

    private RuntimeKeys() {
    }
}
