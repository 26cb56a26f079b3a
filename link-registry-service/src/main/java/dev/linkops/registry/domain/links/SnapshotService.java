package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.registry.persistence.LinkRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The published state of every link the redirect routes, for a replica that (re)starts. */
@ApplicationScoped
public class SnapshotService {
    private static final List<LinkStatus> ROUTABLE = List.of(LinkStatus.SCHEDULED, LinkStatus.LIVE, LinkStatus.PAUSED,
            LinkStatus.EXPIRED);

    private final LinkRepository links;

    public SnapshotService(LinkRepository links) {
        this.links = links;
    }

    public List<LinkPublished> routable() {
        return links.list("status in ?1 order by code", ROUTABLE).stream()
                .map(link -> LinkEvents.published(link, SpecJson.read(link.spec))).toList();
    }
}
