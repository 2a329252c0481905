/**
 * Typed settings read from the merged properties (bundled, user file, environment, system properties) and
 * validated at start; every mistake is one sentence naming the key and the fix. Each key is declared once, in the
 * {@code *Keys} class of its area, as a {@link io.cdcrelay.config.Setting} (or a
 * {@link io.cdcrelay.config.SettingFamily}); {@link io.cdcrelay.config.SettingCatalog} gathers them for the
 * unknown-key check, the environment variables and {@code --help-settings}. Validation returns final types:
 * enums, the topic rules ({@link io.cdcrelay.config.TopicSettings}, {@link io.cdcrelay.config.TopicRenameRule}),
 * the chosen broker as a sealed {@link io.cdcrelay.config.Destination}, and the parts a relay runs as optional
 * {@link io.cdcrelay.config.CaptureSettings} and {@link io.cdcrelay.config.MirrorSettings}, never as null groups.
 * Also the service interface of the embedded servers, which only the demo implements.
 */
package io.cdcrelay.config;
