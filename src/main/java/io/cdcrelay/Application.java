package io.cdcrelay;

import java.util.Properties;

/** {@code java -jar cdc-relay.jar}: the production relay. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        System.exit(new RelayLauncher(new Properties(), System.getenv()).run(args));
    }
}
