package io.cdcrelay.ops;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import io.cdcrelay.report.SnapshotOperation;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Registers {@link SnapshotMBean} on the platform MBean server (where JConsole, Hawtio and Jolokia look) while the
 * relay runs.
 */
public final class SnapshotJmx extends ServiceSupport implements SnapshotMBean {

    private final SnapshotOperation operation;
    private final ObjectName name;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    public SnapshotJmx(SnapshotOperation operation, String sourceName) throws Exception {
        this.operation = operation;
        this.name = new ObjectName("cdc-relay:type=Snapshot,source=" + sourceName);
    }

    @Override
    public String snapshot(String tables) {
        List<String> names = tables == null ? List.of()
                : Arrays.stream(tables.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        SnapshotOperation.Answer answer = operation.request(names);
        return answer.accepted() ? "Requested an incremental snapshot of " + answer.body().get("requested")
                + (((List<?>) answer.body().get("added")).isEmpty() ? "" : ", adding " + answer.body().get("added")
                        + " to the selection") + "; progress in /status (incrementalSnapshot)."
                : String.valueOf(answer.body().get("error"));
    }

    @Override
    protected void doStart() throws Exception {
        if (!server.isRegistered(name)) {
            // the interface is not named after this class, so a StandardMBean names it
            server.registerMBean(new StandardMBean(this, SnapshotMBean.class), name);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }
}
