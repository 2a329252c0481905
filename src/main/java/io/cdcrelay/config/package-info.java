/**
 * Typed settings read from the merged properties (bundled, user file, system properties) and validated at
 * start; every mistake is one sentence naming the key and the fix. Also the service interface of the
 * embedded servers, which only the demo implements.
 */
package io.cdcrelay.config;
