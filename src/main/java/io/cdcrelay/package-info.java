/**
 * Entry point and wiring: {@code Application} starts the relay, {@code RelayLauncher} merges the
 * configuration and runs Camel Main, {@code RelayBeans} binds the beans the YAML routes call.
 */
package io.cdcrelay;
