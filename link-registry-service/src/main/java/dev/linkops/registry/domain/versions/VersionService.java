package dev.linkops.registry.domain.versions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.persistence.HistoryRepository;
import dev.linkops.registry.persistence.LinkRepository;
import dev.linkops.registry.persistence.LinkVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Reading a link's versions, the differences between two of them, and its history. */
@ApplicationScoped
public class VersionService {
    private final LinkRepository links;
    private final LinkVersionRepository versions;
    private final HistoryRepository history;

    public VersionService(LinkRepository links, LinkVersionRepository versions, HistoryRepository history) {
        this.links = links;
        this.versions = versions;
        this.history = history;
    }

    public List<LinkVersion> list(UUID linkId) {
        requireLink(linkId);
        return versions.ofLink(linkId);
    }

    public LinkVersion get(UUID linkId, long version) {
        requireLink(linkId);
        return versions.find(linkId, version)
                .orElseThrow(() -> ProblemException.notFound("link " + linkId + " has no version " + version));
    }

    /** Spec and status differences; status shows as /status. */
    public List<SpecDiff.Change> diff(UUID linkId, long from, long to) {
        LinkVersion a = get(linkId, from);
        LinkVersion b = get(linkId, to);
        return SpecDiff.between(withStatus(a), withStatus(b));
    }

    public List<HistoryEntry> history(UUID linkId) {
        requireLink(linkId);
        return history.ofLink(linkId);
    }

    private static ObjectNode withStatus(LinkVersion v) {
        ObjectNode node = (ObjectNode) SpecJson.tree(v.spec);
        node.put("status", v.status.name());
        return node;
    }

    private void requireLink(UUID linkId) {
        if (links.findByIdOptional(linkId).isEmpty()) {
            throw ProblemException.notFound("no link " + linkId);
        }
    }
}
