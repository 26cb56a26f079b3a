package dev.linkops.registry.domain.approvals;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.domain.Actor;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.domain.versions.SpecDiff;
import dev.linkops.registry.domain.versions.VersionKind;
import dev.linkops.registry.domain.versions.VersionRecorder;
import dev.linkops.registry.persistence.ChangeRequestRepository;
import dev.linkops.registry.persistence.LinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Four eyes on live routing (DESIGN §5): a proposal waits until someone else from merchandising,
 * operations or admin approves it (a new version, published) or rejects it (the live version stays).
 */
@ApplicationScoped
public class ChangeRequestService {

    private final ChangeRequestRepository requests;
    private final LinkRepository links;
    private final VersionRecorder recorder;

    public ChangeRequestService(ChangeRequestRepository requests, LinkRepository links, VersionRecorder recorder) {
        this.requests = requests;
        this.links = links;
        this.recorder = recorder;
    }

    public ChangeRequest get(UUID id) {
        return requests.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no change request " + id));
    }

    public List<ChangeRequest> search(ChangeRequestStatus status, UUID linkId) {
        return requests.search(status, linkId);
    }

    /** Called with the link locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeRequest propose(Link link, LinkSpec proposed, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("/reason",
                    "is required when changing where a live link sends people: the approver needs to know why");
        }
        List<SpecDiff.Change> changes = SpecDiff.between(SpecJson.tree(link.spec),
                SpecJson.mapper().valueToTree(proposed));
        ChangeRequest request = new ChangeRequest();
        request.id = UUID.randomUUID();
        request.linkId = link.id;
        request.baseVersion = link.version;
        request.spec = SpecJson.write(proposed);
        request.changes = SpecDiff.fields(changes);
        request.proposedBy = actor.name();
        request.proposedAt = Instant.now();
        request.reason = reason;
        request.status = ChangeRequestStatus.PENDING;
        requests.persist(request);
        recorder.note(link.id, actor, "CHANGE_REQUESTED", link.version, reason, request.changes, request.id);
        return request;
    }

    @Transactional
    public ChangeRequest approve(UUID id, String note, Actor approver) {
        ChangeRequest request = pending(id);
        if (request.proposedBy.equals(approver.name())) {
            throw ProblemException.forbidden("four eyes: " + approver.name()
                    + " proposed this change and cannot approve it; ask someone from merchandising or operations");
        }
        if (!approver.hasAnyRole(Actor.APPROVER_ROLES)) {
            throw ProblemException.forbidden("only merchandising, operations or admin may approve routing changes");
        }
        Link link = links.findForUpdate(request.linkId).orElseThrow();
        if (link.status == LinkStatus.ARCHIVED) {
            throw ProblemException.conflict("link " + link.code + " was archived; the change cannot apply",
                    Map.of("linkStatus", link.status));
        }
        if (link.version != request.baseVersion) {
            throw ProblemException.conflict("link " + link.code + " changed since this request was made (version "
                    + request.baseVersion + " -> " + link.version + "); reject it and propose the change again",
                    Map.of("baseVersion", request.baseVersion, "currentVersion", link.version));
        }
        Actor proposer = new Actor(request.proposedBy, List.of());
        long version = recorder.next(link, SpecJson.read(request.spec), link.status, VersionKind.APPROVED_CHANGE,
                proposer, request.reason, request.id).version;
        recorder.note(link.id, approver, "APPROVED", version, note, request.changes, request.id);
        decide(request, ChangeRequestStatus.APPROVED, note, approver);
        request.resultingVersion = version;
        return request;
    }

    @Transactional
    public ChangeRequest reject(UUID id, String note, Actor actor) {
        ChangeRequest request = pending(id);
        recorder.note(request.linkId, actor, "REJECTED", request.baseVersion, note, request.changes, request.id);
        decide(request, ChangeRequestStatus.REJECTED, note, actor);
        return request;
    }

    private ChangeRequest pending(UUID id) {
        ChangeRequest request = requests.findForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("no change request " + id));
        if (request.status != ChangeRequestStatus.PENDING) {
            throw ProblemException.conflict("change request " + id + " is already " + request.status,
                    Map.of("changeRequestStatus", request.status, "decidedBy", request.decidedBy));
        }
        return request;
    }

    private static void decide(ChangeRequest request, ChangeRequestStatus status, String note, Actor actor) {
        request.status = status;
        request.decidedBy = actor.name();
        request.decidedAt = Instant.now();
        request.decisionNote = note;
    }
}
