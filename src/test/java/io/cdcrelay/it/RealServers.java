package io.cdcrelay.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.cdcrelay.demo.Directories;
import io.cdcrelay.demo.EmbeddedKafka;
import io.cdcrelay.demo.EmbeddedMariaDb;
import io.cdcrelay.demo.EmbeddedRocketMq;
import io.cdcrelay.demo.FreePort;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives tests a real MariaDB (binlog on, ROW, FULL) and a real Kafka broker (KRaft),
 * started once per test JVM on free loopback ports and stopped when the JVM's tests are done.
 */
public final class RealServers implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Servers.class || type == RocketMq.class || type == SecondKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Servers servers = store.getOrComputeIfAbsent(Servers.class, k -> Servers.start(), Servers.class);
        if (parameter.getParameter().getType() == RocketMq.class) {
            return store.getOrComputeIfAbsent(RocketMq.class, k -> RocketMq.start(servers.dir()), RocketMq.class);
        }
        if (parameter.getParameter().getType() == SecondKafka.class) {
            return store.getOrComputeIfAbsent(SecondKafka.class, k -> SecondKafka.start(servers.dir()), SecondKafka.class);
        }
        return servers;
    }

    /** A RocketMQ name server and broker, started only for the tests that ask for one. */
    public record RocketMq(EmbeddedRocketMq server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static RocketMq start(Path dir) {
            try {
                return new RocketMq(EmbeddedRocketMq.start(dir.resolve("rocketmq")));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start RocketMQ: " + e.getMessage(), e);
            }
        }

        public String namesrvAddr() {
            return server.namesrvAddr();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** A second Kafka cluster, the destination of mirror tests; started only for the tests that ask for one. */
    public record SecondKafka(EmbeddedKafka server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static SecondKafka start(Path dir) {
            try {
                return new SecondKafka(EmbeddedKafka.start(dir.resolve("kafka-2"), FreePort.pick()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the second Kafka cluster: " + e.getMessage(), e);
            }
        }

        public String bootstrapServers() {
            return server.bootstrapServers();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The running servers; closed by JUnit with the root context. */
    public record Servers(EmbeddedMariaDb mariaDb, EmbeddedKafka kafka, Path dir)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Servers start() {
            Path dir = Path.of("target", "it-servers").toAbsolutePath();
            try {
                Directories.deleteRecursively(dir);
                EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), FreePort.pick());
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePort.pick());
                return new Servers(db, kafka, dir);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test servers: " + e.getMessage(), e);
            }
        }

        /** Runs statements, in order, on one connection of the test database's user. */
        public void sql(String... statements) throws SQLException {
            try (Connection c = mariaDb.connect(""); Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
        }

        @Override
        public void close() {
            kafka.close();
            mariaDb.close();
        }
    }
}
