package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.routing.CompiledLink;
import dev.linkops.routing.InvalidRouteTreeException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Compiles a spec with the same library the redirect uses, so nothing the registry accepts can fail to
 * compile on the hot path. The library names fields like {@code rules[1].when.stock.sku}; callers want
 * JSON pointers into their request.
 */
@ApplicationScoped
public class RouteTreeCheck {

    public void check(LinkSpec spec, Violations v) {
        try {
            compile(spec, UUID.randomUUID(), "check", 1, LinkStatus.LIVE, "check");
        } catch (InvalidRouteTreeException e) {
            v.add(pointer(e.field()), e.reason());
        }
    }

    public static CompiledLink compile(LinkSpec spec, UUID id, String code, long version, LinkStatus status,
                                       String owner) {
        return CompiledLink.compile(LinkEvents.published(id, code, owner, spec, status, version));
    }

    static String pointer(String field) {
        String path = field.startsWith("fallbacks.") ? field.substring("fallbacks.".length()) : field;
        return "/" + path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
