package io.cdcrelay.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * An Apache RocketMQ 5.3.3 name server and broker inside this JVM, on loopback (all but the broker's HA port).
 * Topics are not created automatically: the relay creates its own. Shutting a broker down takes about 13 s, so
 * share one.
 */
public final class EmbeddedRocketMq implements AutoCloseable {

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final int namesrvPort;

    private EmbeddedRocketMq(NamesrvController namesrv, BrokerController broker, int namesrvPort) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvPort = namesrvPort;
    }

    public static EmbeddedRocketMq start(Path dir) throws Exception {
        // without it the name server registers the broker without its topics (docs/field-notes.md#rocketmq)
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));

        int namesrvPort = FreePort.pick();
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setRocketmqHome(dir.toString());
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig namesrvNetty = new NettyServerConfig();
        namesrvNetty.setListenPort(namesrvPort);
        // loopback only, like the embedded MariaDB and Kafka (the default is every interface)
        namesrvNetty.setBindAddress("127.0.0.1");
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvNetty, new NettyClientConfig());
        if (!namesrv.initialize()) {
            throw new IllegalStateException("the RocketMQ name server did not initialize");
        }
        namesrv.start();
        // the broker's first registration comes 10 s late when the name server is not listening yet
        awaitPort(namesrvPort);

        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setRocketmqHome(dir.toString());
        brokerConfig.setBrokerName("relay-broker");
        brokerConfig.setBrokerClusterName("relay-cluster");
        brokerConfig.setNamesrvAddr("127.0.0.1:" + namesrvPort);
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setBrokerIP2("127.0.0.1");
        brokerConfig.setAutoCreateTopicEnable(false);
        NettyServerConfig brokerNetty = new NettyServerConfig();
        brokerNetty.setListenPort(FreePort.pick());
        brokerNetty.setBindAddress("127.0.0.1");
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("store").toString());
        store.setStorePathCommitLog(dir.resolve("store/commitlog").toString());
        store.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        // RocketMQ's HA acceptor has no bind address: this one port listens on every interface
        store.setHaListenPort(FreePort.pick());
        // a test machine's disk may well be over the default 75 % (docs/field-notes.md#rocketmq)
        store.setDiskMaxUsedSpaceRatio(98);
        BrokerController broker = new BrokerController(brokerConfig, brokerNetty, new NettyClientConfig(), store);
        if (!broker.initialize()) {
            throw new IllegalStateException("the RocketMQ broker did not initialize");
        }
        broker.start();
        awaitRegistration(namesrv);
        return new EmbeddedRocketMq(namesrv, broker, namesrvPort);
    }

    /** A client asking the name server right after start found no broker yet: wait for its registration. */
    private static void awaitRegistration(NamesrvController namesrv) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (!namesrv.getRouteInfoManager().getAllClusterInfo().getBrokerAddrTable().isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the RocketMQ broker did not register with its name server in 30 s");
    }

    public String namesrvAddr() {
        return "127.0.0.1:" + namesrvPort;
    }

    @Override
    public void close() {
        broker.shutdown();
        namesrv.shutdown();
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the RocketMQ name server does not listen on " + port);
    }
}
