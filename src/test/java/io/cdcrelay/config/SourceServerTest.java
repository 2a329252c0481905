package io.cdcrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceServerTest {

    private static final String KEY = "relay.source.host";

    @Test
    void oneHostTakesTheDefaultPort() {
        assertThat(SourceServer.parseList(KEY, "db.example.internal", 3306))
                .containsExactly(new SourceServer("db.example.internal", 3306));
    }

    @Test
    void aListKeepsItsOrderAndEachEntryItsOwnPort() {
        assertThat(SourceServer.parseList(KEY, "db-a:3307, db-b ,10.0.0.3:3310", 3306)).containsExactly(
                new SourceServer("db-a", 3307), new SourceServer("db-b", 3306), new SourceServer("10.0.0.3", 3310));
    }

    @Test
    void ipv6AddressesTakeBracketsWithAPortAndNoneWithout() {
        assertThat(SourceServer.parseList(KEY, "[::1]:3307,fd00::2", 3306))
                .containsExactly(new SourceServer("::1", 3307), new SourceServer("fd00::2", 3306));
        assertThat(new SourceServer("::1", 3307)).hasToString("[::1]:3307");
    }

    @Test
    void aBadPortNamesTheKeyTheEntryAndTheRange() {
        assertThatThrownBy(() -> SourceServer.parseList(KEY, "db-a:70000", 3306))
                .isInstanceOf(SettingsException.class)
                .hasMessage("relay.source.host entry db-a:70000 has no valid port: use host:port with a port from 1 to "
                        + "65535, or host alone for relay.source.port.");
        assertThatThrownBy(() -> SourceServer.parseList(KEY, "db-a:", 3306)).isInstanceOf(SettingsException.class);
    }

    @Test
    void emptyEntriesAndRepeatedServersAreRefused() {
        assertThatThrownBy(() -> SourceServer.parseList(KEY, "db-a,,db-b", 3306))
                .hasMessageContaining("has an empty entry");
        assertThatThrownBy(() -> SourceServer.parseList(KEY, "db-a:3306,db-a", 3306))
                .hasMessage("relay.source.host=db-a:3306,db-a lists db-a:3306 twice: list each server once.");
    }

    @Test
    void readingAServerPutsItFirstAndKeepsTheOthersInOrder() {
        SourceSettings source = new SourceSettings(SourceSettings.Flavor.MARIADB,
                List.of(new SourceServer("a", 1), new SourceServer("b", 2), new SourceServer("c", 3)), "u", "p", 1,
                "n", List.of(), List.of(), java.util.Map.of(), java.util.Map.of(), SnapshotSettings.off());
        SourceSettings onC = source.reading(new SourceServer("c", 3));
        assertThat(onC.host()).isEqualTo("c");
        assertThat(onC.port()).isEqualTo(3);
        assertThat(onC.servers()).extracting(SourceServer::host).containsExactly("c", "a", "b");
        assertThat(source.followsFailover()).isTrue();
        assertThat(onC.toString()).doesNotContain("p,").contains("[c:3, a:1, b:2]");
    }
}
