package io.cdcrelay.acknowledgement;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Single-threaded executors that run everything they are given, in order, on their own thread, and stop with the
 * Camel context. Camel's own pools queue a bounded number of tasks and then run or refuse the next one, which
 * would let a change overtake those queued before it or be dropped; the relay's queues are bounded by
 * {@code relay.delivery.window} instead.
 */
public final class OrderedExecutors {

    private OrderedExecutors() {
    }

    public static ExecutorService single(CamelContext context, String name) throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "cdc-relay " + name);
                    thread.setDaemon(true);
                    return thread;
                });
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                executor.shutdown();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        });
        return executor;
    }
}
