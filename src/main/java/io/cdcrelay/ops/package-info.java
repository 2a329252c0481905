/** What an operator watches: metrics of captured and delivered changes, lag, and the progress line. */
package io.cdcrelay.ops;
