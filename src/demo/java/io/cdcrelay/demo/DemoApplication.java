package io.cdcrelay.demo;

import java.util.Properties;

import io.cdcrelay.RelayLauncher;

/** {@code java -jar cdc-relay-demo.jar}: the relay with {@code relay.embedded=true} as its default. */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        Properties defaults = new Properties();
        defaults.setProperty("relay.embedded", "true");
        System.exit(new RelayLauncher(defaults, System.getenv()).run(args));
    }
}
