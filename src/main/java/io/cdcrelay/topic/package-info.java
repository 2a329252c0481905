/** Table to topic naming, and the destination topics' partition counts and creation. */
package io.cdcrelay.topic;
