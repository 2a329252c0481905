package io.cdcrelay.config;

/**
 * A configuration mistake found at start. The message is one sentence that names the key and says how to
 * fix it; the launcher prints it alone, without a stack trace.
 */
public final class SettingsException extends RuntimeException {

    public SettingsException(String sentence) {
        super(sentence);
    }

    public SettingsException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
