package dev.linkops.registry.domain.links;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.config.RegistryConfig;
import dev.linkops.registry.domain.Actor;
import dev.linkops.registry.domain.approvals.ChangeRequest;
import dev.linkops.registry.domain.approvals.ChangeRequestService;
import dev.linkops.registry.domain.conventions.ConventionMode;
import dev.linkops.registry.domain.conventions.ConventionService;
import dev.linkops.registry.domain.versions.VersionKind;
import dev.linkops.registry.domain.versions.VersionRecorder;
import dev.linkops.registry.persistence.LinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating and editing links: validation, naming conventions, versions, and routing edits that need approval. */
@ApplicationScoped
public class LinkService {

    /** What an edit did: a new version, or a change request waiting for a second person. */
    public record EditOutcome(Link link, ChangeRequest changeRequest, List<ConventionService.Finding> warnings) {
        public boolean pendingApproval() {
            return changeRequest != null;
        }
    }

    public record Created(Link link, List<ConventionService.Finding> warnings) {
    }

    private final LinkRepository links;
    private final LinkValidator validator;
    private final RouteTreeCheck routeTree;
    private final ConventionService conventions;
    private final VersionRecorder recorder;
    private final ChangeRequestService changeRequests;
    private final RegistryConfig config;

    public LinkService(LinkRepository links, LinkValidator validator, RouteTreeCheck routeTree,
                       ConventionService conventions, VersionRecorder recorder, ChangeRequestService changeRequests,
                       RegistryConfig config) {
        this.links = links;
        this.validator = validator;
        this.routeTree = routeTree;
        this.conventions = conventions;
        this.recorder = recorder;
        this.changeRequests = changeRequests;
        this.config = config;
    }

    public Link get(UUID id) {
        return links.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no link " + id));
    }

    @Transactional
    public Created create(LinkInput in, Actor actor) {
        return create(in, actor, actor.name(), VersionKind.CREATED, null);
    }

    /** @param owner the link's owner; an import may name someone other than the importer */
    @Transactional(Transactional.TxType.MANDATORY)
    public Created create(LinkInput in, Actor actor, String owner, VersionKind kind, String reason) {
        Violations v = new Violations();
        if (in.code() != null) {
            validator.checkCode(in.code(), v);
        }
        Checked checked = check(in, actor.defaultTeam(), v);
        String code = in.code() != null ? in.code() : freeCode();
        if (in.code() != null && links.codeTaken(code)) {
            throw new ProblemException(409, "Conflict", "code " + code + " is taken",
                    List.of(new FieldError("/code", "is already taken by another link")), null);
        }
        Link link = new Link();
        link.id = UUID.randomUUID();
        link.code = code;
        link.owner = owner;
        recorder.next(link, checked.spec, LinkStatus.DRAFT, kind, actor, reason, null);
        try {
            links.flush();
        } catch (jakarta.persistence.PersistenceException e) { // another request took the code meanwhile
            throw new ProblemException(409, "Conflict", "code " + code + " is taken",
                    List.of(new FieldError("/code", "is already taken by another link")), null);
        }
        return new Created(link, checked.warnings);
    }

    /** PUT: the body is the whole new definition. */
    @Transactional
    public EditOutcome replace(UUID id, LinkInput in, String reason, Actor actor) {
        Link link = lockEditable(id);
        if (in.code() != null && !in.code().equals(link.code)) {
            throw ProblemException.invalid("/code", "cannot change after creation; create a new link instead");
        }
        return apply(link, in, reason, actor);
    }

    /** PATCH: an RFC 7386 merge patch over the current definition; {@code reason} travels in the patch. */
    @Transactional
    public EditOutcome patch(UUID id, JsonNode mergePatch, Actor actor) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw ProblemException.invalid("/", "must be a JSON object (merge patch)");
        }
        Link link = lockEditable(id);
        ObjectNode patch = mergePatch.deepCopy();
        JsonNode reasonNode = patch.remove("reason");
        JsonNode codeNode = patch.remove("code");
        if (codeNode != null && !codeNode.isNull() && !codeNode.asText().equals(link.code)) {
            throw ProblemException.invalid("/code", "cannot change after creation; create a new link instead");
        }
        JsonNode merged = MergePatch.apply(SpecJson.tree(link.spec), patch);
        LinkInput in;
        try {
            in = SpecJson.mapper().treeToValue(merged, LinkInput.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            throw ProblemException.invalid(field, "has the wrong type or format");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalid("/", "cannot be applied: " + e.getMessage());
        }
        return apply(link, in, reasonNode == null || reasonNode.isNull() ? null : reasonNode.asText(), actor);
    }

    private EditOutcome apply(Link link, LinkInput in, String reason, Actor actor) {
        Violations v = new Violations();
        if (reason != null && reason.length() > 1000) {
            v.add("/reason", "must be at most 1000 characters");
        }
        Checked checked = check(in, link.team, v);
        LinkSpec current = SpecJson.read(link.spec);
        if (checked.spec.equals(current)) {
            return new EditOutcome(link, null, checked.warnings);
        }
        boolean routedByRedirect = link.status == LinkStatus.LIVE || link.status == LinkStatus.PAUSED;
        if (routedByRedirect && !checked.spec.sameRoutingAs(current)) {
            ChangeRequest request = changeRequests.propose(link, checked.spec, reason, actor);
            return new EditOutcome(link, request, checked.warnings);
        }
        recorder.next(link, checked.spec, link.status, VersionKind.EDITED, actor, reason, null);
        return new EditOutcome(link, null, checked.warnings);
    }

    private Link lockEditable(UUID id) {
        Link link = links.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("no link " + id));
        if (link.status == LinkStatus.ARCHIVED) {
            throw ProblemException.conflict("link " + link.code + " is archived and read-only", Map.of("linkStatus", link.status));
        }
        return link;
    }

    private record Checked(LinkSpec spec, List<ConventionService.Finding> warnings) {
    }

    /** Field rules, then naming conventions (ENFORCE ones are errors), then the routing library's own compile. */
    private Checked check(LinkInput in, String defaultTeam, Violations v) {
        LinkSpec spec = validator.validate(in, defaultTeam, v);
        List<ConventionService.Finding> findings = conventions.check(spec);
        findings.stream().filter(f -> f.mode() == ConventionMode.ENFORCE).forEach(f -> v.add(f.field(), f.reason()));
        if (v.isEmpty()) {
            routeTree.check(spec, v);
        }
        v.throwIfAny();
        return new Checked(spec, findings.stream().filter(f -> f.mode() == ConventionMode.WARN).toList());
    }

    private String freeCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = CodeGenerator.next(config.codeLength());
            if (!links.codeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free short code after 20 attempts; raise linkops.registry.code-length");
    }
}
