package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteTarget;

import java.util.UUID;

/** The events a link version becomes on linkops.links. */
public final class LinkEvents {
    private LinkEvents() {
    }

    public static LinkPublished published(Link link, LinkSpec spec) {
        return published(link.id, link.code, link.owner, spec, link.status, link.version);
    }

    /** Also used by simulate, preflight and validation, which route a spec as if it had that status. */
    public static LinkPublished published(UUID id, String code, String owner, LinkSpec spec, LinkStatus status,
                                          long version) {
        return new LinkPublished(id, code, version, status, spec.skus(), spec.markets(), spec.language(),
                spec.startsAt(), spec.endsAt(), new RouteTarget(spec.destination(), spec.destinationType()),
                spec.rules(), new LinkPublished.Fallbacks(spec.fallbackUrl(), spec.expiredUrl(), spec.pausedUrl()),
                spec.utm(), spec.redirectStatus(), spec.maxSignalAge(), spec.clickId(), owner, spec.team(),
                spec.campaign(), spec.channel());
    }

    public static LinkRetired retired(Link link, String reason) {
        return new LinkRetired(link.id, link.code, link.version, reason);
    }
}
