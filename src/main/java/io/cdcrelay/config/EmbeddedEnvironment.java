package io.cdcrelay.config;

import java.util.Properties;

/**
 * Servers started inside the relay's JVM for {@code relay.embedded=true}: a database with a demo workload
 * and a broker. Found through {@link java.util.ServiceLoader}; only the demo artifact carries an
 * implementation, so the production jar cannot start one.
 */
public interface EmbeddedEnvironment extends AutoCloseable {

    /**
     * Starts the servers.
     *
     * @param settings the merged configuration (for {@code relay.data-dir} and {@code relay.demo.*})
     * @return the properties that point the relay at the started servers; they win over the user's
     */
    Properties start(Properties settings) throws Exception;

    /** Says, once the relay runs, where the messages are and how to look at them. */
    String howToWatch();

    @Override
    void close();
}
