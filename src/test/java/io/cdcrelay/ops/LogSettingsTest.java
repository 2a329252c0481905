package io.cdcrelay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The bundled log4j2.properties keeps an outage to the relay's own lines: the clients that retry every second do
 * not warn at each retry. (A logger with two filters silently kept one; this caught it.)
 */
class LogSettingsTest {

    @Test
    void theRelaysKafkaClientsDoNotWarnAtEveryReconnectOtherClientsAndTheRestDo() {
        assertThat(decision("org.apache.kafka.clients.NetworkClient", "[Producer clientId=cdc-relay-shop] Connection "
                + "to node 1 (/127.0.0.1:9092) could not be established. Node may not be available.")).isFalse();
        assertThat(decision("org.apache.kafka.clients.NetworkClient", "[AdminClient clientId=cdc-relay-shop-topics] "
                + "Connection to node -1 (/127.0.0.1:9092) could not be established. Node may not be available."))
                .isFalse();
        assertThat(decision("org.apache.kafka.clients.NetworkClient", "[AdminClient clientId=cdc-relay-precheck] "
                + "anything")).as("the precheck reports for itself").isFalse();
        assertThat(decision("org.apache.kafka.clients.NetworkClient", "[Consumer clientId=consumer-g-1] Connection to "
                + "node 1 (/127.0.0.1:9092) could not be established. Node may not be available.")).isTrue();
        assertThat(decision("org.apache.kafka.clients.NetworkClient", "[Producer clientId=cdc-relay-shop] Bootstrap "
                + "broker 127.0.0.1:9092 (id: -1 rack: null) disconnected")).isTrue();
    }

    @Test
    void theBinlogClientDoesNotWarnAtEveryFailedReconnect() {
        assertThat(decision("com.github.shyiko.mysql.binlog.BinaryLogClient",
                "keepalive: Failed to restore connection to 127.0.0.1:3306. Next attempt in 1000ms")).isFalse();
        assertThat(decision("com.github.shyiko.mysql.binlog.BinaryLogClient", "any other warning")).isTrue();
    }

    /** Whether a WARN of {@code logger} with {@code message} is written. */
    private static boolean decision(String logger, String message) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig config = context.getConfiguration().getLoggerConfig(logger);
        assertThat(config.getName()).as("configured in log4j2.properties").isNotEqualTo(LogManager.ROOT_LOGGER_NAME);
        Filter filter = config.getFilter();
        return config.getLevel().isLessSpecificThan(Level.WARN) && (filter == null
                || filter.filter(null, Level.WARN, null, new SimpleMessage(message), null) != Filter.Result.DENY);
    }
}
