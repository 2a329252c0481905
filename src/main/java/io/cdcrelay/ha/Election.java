package io.cdcrelay.ha;

import java.io.IOException;
import java.util.Optional;

import io.cdcrelay.config.HaSettings;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This relay's place in the election: whether it leads, and who does. It logs each change, writes the file
 * service's {@link LeaderNote} when it takes the lead, and asks for a {@link StandbyRestart} when it loses it.
 * The routes themselves are started and stopped by Camel's {@code ClusteredRoutePolicy} ({@link LeaderOnlyRoutes}).
 */
public final class Election extends ServiceSupport implements CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(Election.class);

    private final CamelClusterService service;
    private final HaSettings settings;
    private final Optional<LeaderNote> note;
    private final StandbyRestart restart;
    private CamelClusterView view;
    private volatile boolean leading;

    /** @param service the cluster service, added to the Camel context before this */
    public Election(CamelClusterService service, HaSettings settings, StandbyRestart restart) {
        this.service = service;
        this.settings = settings;
        this.note = settings.service() == HaSettings.ClusterService.FILE
                ? Optional.of(new LeaderNote(settings.file().root(), settings.namespace())) : Optional.empty();
        this.restart = restart;
    }

    @Override
    protected void doStart() throws Exception {
        view = service.getView(settings.namespace());
        view.addEventListener(this);
        LOG.info("relay.ha: {} joins the election of {} through the {} cluster service; it reads the binlog only "
                + "while it leads", settings.memberId(), settings.namespace(), settings.service().value());
    }

    @Override
    protected void doStop() throws Exception {
        if (view != null) {
            view.removeEventListener(this);
            service.releaseView(view);
            view = null;
        }
    }

    @Override
    public void leadershipChanged(CamelClusterView changed, CamelClusterMember leader) {
        boolean local = changed.getLocalMember().isLeader();
        if (local && !leading) {
            leading = true;
            LOG.info("relay.ha: {} leads {} and starts reading the binlog", settings.memberId(), settings.namespace());
            note.ifPresent(n -> {
                try {
                    n.write(settings.memberId());
                } catch (IOException e) {
                    LOG.warn("relay.ha: the standbys' /status cannot name this leader: {}", e.toString());
                }
            });
        } else if (!local && leading) {
            leading = false;
            if (!isRunAllowed()) {
                // the relay is stopping (SIGTERM): a view giving the lead up on its way out is no reason to restart
                return;
            }
            LOG.warn("relay.ha: {} lost the lead of {}; it stops reading and restarts as a standby",
                    settings.memberId(), settings.namespace());
            restart.request();
        } else if (!local) {
            LOG.info("relay.ha: {} stands by; {} leads {}", settings.memberId(), leader().orElse("no relay yet"),
                    settings.namespace());
        }
    }

    public boolean leading() {
        return leading;
    }

    /** The leader's member id, as far as this relay can tell. */
    public Optional<String> leader() {
        if (leading) {
            return Optional.of(settings.memberId());
        }
        CamelClusterView current = view;
        // ZooKeeper answers a participant without id while nobody leads
        Optional<String> seen = current == null ? Optional.empty() : current.getLeader().filter(m -> !m.isLocal())
                .map(CamelClusterMember::getId).filter(id -> id != null && !id.isBlank());
        // a note naming this relay while it stands by is its own from a former term
        return seen.isPresent() ? seen : note.flatMap(LeaderNote::read).filter(id -> !id.equals(settings.memberId()));
    }

    public HaSettings settings() {
        return settings;
    }
}
