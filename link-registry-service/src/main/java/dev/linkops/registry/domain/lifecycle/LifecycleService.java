package dev.linkops.registry.domain.lifecycle;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.domain.Actor;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.domain.preflight.Checklist;
import dev.linkops.registry.domain.preflight.PreflightService;
import dev.linkops.registry.domain.versions.VersionKind;
import dev.linkops.registry.domain.versions.VersionRecorder;
import dev.linkops.registry.persistence.LinkRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * DRAFT → SCHEDULED/LIVE → PAUSED → EXPIRED → ARCHIVED (DESIGN §3). Every transition is a new version,
 * so a redirect replica (which applies only newer versions) learns it.
 */
@ApplicationScoped
public class LifecycleService {

    private final LinkRepository links;
    private final VersionRecorder recorder;
    private final PreflightService preflight;

    public LifecycleService(LinkRepository links, VersionRecorder recorder, PreflightService preflight) {
        this.links = links;
        this.recorder = recorder;
        this.preflight = preflight;
    }

    public Checklist preflight(UUID id) {
        Link link = links.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no link " + id));
        return preflight.run(link, Instant.now());
    }

    /** Runs preflight; a blocking failure refuses with 409 and the checklist. */
    @Transactional
    public Link publish(UUID id, String reason, Actor actor) {
        Link link = lock(id);
        require(link, Set.of(LinkStatus.DRAFT, LinkStatus.EXPIRED), "publish");
        Instant now = Instant.now();
        Checklist checklist = preflight.run(link, now);
        if (!checklist.ready()) {
            throw ProblemException.conflict("preflight found blocking problems; see checklist",
                    Map.of("checklist", checklist));
        }
        LinkStatus next = link.startsAt != null && link.startsAt.isAfter(now) ? LinkStatus.SCHEDULED : LinkStatus.LIVE;
        recorder.next(link, SpecJson.read(link.spec), next, VersionKind.PUBLISHED, actor, reason, null);
        return link;
    }

    @Transactional
    public Link pause(UUID id, String reason, Actor actor) {
        Link link = lock(id);
        require(link, Set.of(LinkStatus.LIVE, LinkStatus.SCHEDULED), "pause");
        return transition(link, LinkStatus.PAUSED, VersionKind.PAUSED, actor, reason);
    }

    /** Back to where the window says: scheduled, live or already expired. */
    @Transactional
    public Link resume(UUID id, String reason, Actor actor) {
        Link link = lock(id);
        require(link, Set.of(LinkStatus.PAUSED), "resume");
        return transition(link, byWindow(link, Instant.now()), VersionKind.RESUMED, actor, reason);
    }

    @Transactional
    public Link archive(UUID id, String reason, Actor actor) {
        Link link = lock(id);
        if (link.status == LinkStatus.ARCHIVED) {
            throw ProblemException.conflict("link " + link.code + " is already archived", Map.of("linkStatus", link.status));
        }
        return transition(link, LinkStatus.ARCHIVED, VersionKind.ARCHIVED, actor, reason);
    }

    /**
     * Time-driven transitions due at {@code now}: scheduled links whose window opened go live, live or
     * paused links whose window closed expire. Each link moves in its own transaction.
     *
     * @return how many links moved
     */
    public int advance(Instant now) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> links.getEntityManager().createQuery(
                        "select l.id from Link l where (l.status = :scheduled and l.startsAt <= :now)"
                                + " or (l.status in :running and l.endsAt <= :now)", UUID.class)
                .setParameter("scheduled", LinkStatus.SCHEDULED)
                .setParameter("now", now)
                .setParameter("running", List.of(LinkStatus.SCHEDULED, LinkStatus.LIVE, LinkStatus.PAUSED))
                .getResultList());
        int moved = 0;
        for (UUID id : due) {
            Boolean done = QuarkusTransaction.requiringNew().call(() -> advanceOne(id, now));
            if (Boolean.TRUE.equals(done)) {
                moved++;
            }
        }
        return moved;
    }

    private boolean advanceOne(UUID id, Instant now) {
        Link link = links.findForUpdate(id).orElse(null);
        if (link == null) {
            return false;
        }
        boolean ended = link.endsAt != null && !link.endsAt.isAfter(now);
        if (ended && Set.of(LinkStatus.SCHEDULED, LinkStatus.LIVE, LinkStatus.PAUSED).contains(link.status)) {
            transition(link, LinkStatus.EXPIRED, VersionKind.EXPIRED, Actor.SYSTEM, "window ended at " + link.endsAt);
            return true;
        }
        if (link.status == LinkStatus.SCHEDULED && link.startsAt != null && !link.startsAt.isAfter(now)) {
            transition(link, LinkStatus.LIVE, VersionKind.ACTIVATED, Actor.SYSTEM, "window opened at " + link.startsAt);
            return true;
        }
        return false;
    }

    private Link transition(Link link, LinkStatus status, VersionKind kind, Actor actor, String reason) {
        recorder.next(link, SpecJson.read(link.spec), status, kind, actor, reason, null);
        return link;
    }

    private static LinkStatus byWindow(Link link, Instant now) {
        if (link.endsAt != null && !link.endsAt.isAfter(now)) {
            return LinkStatus.EXPIRED;
        }
        return link.startsAt != null && link.startsAt.isAfter(now) ? LinkStatus.SCHEDULED : LinkStatus.LIVE;
    }

    private Link lock(UUID id) {
        return links.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("no link " + id));
    }

    private static void require(Link link, Set<LinkStatus> allowed, String action) {
        if (!allowed.contains(link.status)) {
            throw ProblemException.conflict("cannot " + action + " link " + link.code + " while it is " + link.status
                    + "; allowed from " + allowed, Map.of("linkStatus", link.status));
        }
    }
}
