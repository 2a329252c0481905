package io.cdcrelay.steps;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Whether {@link SplitKeyChanges} split the change: the body is then the list of its DELETE and INSERT. The route
 * asks it of every change, and Camel's {@code ${body} is 'java.util.List'} resolved the class name on each call.
 */
public final class IsKeySplit implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof List;
    }
}
