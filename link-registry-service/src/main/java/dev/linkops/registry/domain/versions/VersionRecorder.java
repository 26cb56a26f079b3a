package dev.linkops.registry.domain.versions;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.platform.outbox.Outbox;
import dev.linkops.registry.domain.Actor;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.LinkEvents;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.persistence.HistoryRepository;
import dev.linkops.registry.persistence.LinkRepository;
import dev.linkops.registry.persistence.LinkVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one way a link changes: a new immutable version, a history entry, and — when the redirect knows
 * the link — its event on linkops.links, all in the caller's transaction.
 */
@ApplicationScoped
public class VersionRecorder {

    private final LinkVersionRepository versions;
    private final HistoryRepository history;
    private final Outbox outbox;
    private final LinkRepository links;

    public VersionRecorder(LinkRepository links, LinkVersionRepository versions, HistoryRepository history,
                           Outbox outbox) {
        this.links = links;
        this.versions = versions;
        this.history = history;
        this.outbox = outbox;
    }

    /** Applies {@code spec} and {@code status} to the (locked) link as its next version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LinkVersion next(Link link, LinkSpec spec, LinkStatus status, VersionKind kind, Actor actor, String reason,
                            UUID changeRequestId) {
        LinkSpec before = link.spec == null ? null : SpecJson.read(link.spec);
        LinkStatus statusBefore = link.status;
        boolean wasPublished = link.status != null && link.isPublished();
        Instant now = Instant.now();
        String json = SpecJson.write(spec);
        link.version++;
        link.status = status;
        link.spec = json;
        link.team = spec.team();
        link.campaign = spec.campaign();
        link.channel = spec.channel();
        link.purpose = spec.purpose().name();
        link.startsAt = spec.startsAt();
        link.endsAt = spec.endsAt();
        link.updatedAt = now;
        if (!links.isPersistent(link)) {
            link.createdAt = now;
            links.persist(link);
        }

        LinkVersion version = new LinkVersion();
        version.id = UUID.randomUUID();
        version.linkId = link.id;
        version.version = link.version;
        version.status = status;
        version.spec = json;
        version.kind = kind;
        version.createdBy = actor.name();
        version.createdAt = now;
        version.reason = reason;
        version.changeRequestId = changeRequestId;
        versions.persist(version);

        List<SpecDiff.Change> changes = before == null ? List.of()
                : SpecDiff.between(SpecJson.mapper().valueToTree(before), SpecJson.mapper().valueToTree(spec));
        String changed = SpecDiff.fields(changes);
        if (statusBefore != null && statusBefore != status) {
            changed = changed.isEmpty() ? "/status" : "/status," + changed;
        }
        note(link.id, actor, kind.name(), link.version, reason, changed, changeRequestId);

        if (link.isPublished()) {
            outbox.publish(Addresses.LINKS, LinkEvents.published(link, spec));
        } else if (status == LinkStatus.ARCHIVED && wasPublished) {
            outbox.publish(Addresses.LINKS, LinkEvents.retired(link, reason));
        }
        return version;
    }

    /** A history entry for something that made no version (a change proposed or rejected). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(UUID linkId, Actor actor, String action, Long version, String reason, String changes,
                     UUID changeRequestId) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.linkId = linkId;
        entry.at = Instant.now();
        entry.actor = actor.name();
        entry.action = action;
        entry.version = version;
        entry.reason = reason;
        entry.changes = changes == null || changes.isEmpty() ? null : changes;
        entry.changeRequestId = changeRequestId;
        history.persist(entry);
    }
}
