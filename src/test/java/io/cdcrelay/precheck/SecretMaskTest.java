package io.cdcrelay.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void theSourcePasswordIsMasked() {
        assertThat(mask("relay.source.password", "s3cr3t-Pw", "login as relay with s3cr3t-Pw failed"))
                .isEqualTo("login as relay with **** failed");
    }

    @Test
    void aJaasConfigIsMaskedWholeAndItsPasswordAlone() {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"relay\" "
                + "password=\"kafka-Pw1\";";
        Properties settings = new Properties();
        settings.setProperty("relay.kafka.producer.sasl.jaas.config", jaas);
        SecretMask mask = SecretMask.of(settings);
        assertThat(mask.apply("bad config: " + jaas)).isEqualTo("bad config: ****");
        assertThat(mask.apply("login with kafka-Pw1 refused")).isEqualTo("login with **** refused");
    }

    @Test
    void rocketMqsSecretKeyAndMirrorPasswordsAreMaskedButAccessKeysAreNot() {
        Properties settings = new Properties();
        settings.setProperty("relay.rocketmq.producer.secret-key", "rmq-secret");
        settings.setProperty("relay.rocketmq.producer.access-key", "rmq-access");
        settings.setProperty("relay.mirror.destination.properties.ssl.key.password", "tls-pw");
        assertThat(SecretMask.of(settings).apply("rmq-access rmq-secret tls-pw"))
                .isEqualTo("rmq-access **** ****");
    }

    @Test
    void anEmptyPasswordMasksNothing() {
        assertThat(mask("relay.source.password", "", "nothing to hide")).isEqualTo("nothing to hide");
    }

    private static String mask(String key, String value, String text) {
        Properties settings = new Properties();
        settings.setProperty(key, value);
        return SecretMask.of(settings).apply(text);
    }
}
