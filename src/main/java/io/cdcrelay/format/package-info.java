/**
 * The wire formats of docs/formats.md, one class each, the value rendering they share, and the registry that
 * refuses an unknown format name at start.
 */
package io.cdcrelay.format;
