package dev.linkops.registry.persistence;

import dev.linkops.registry.domain.versions.LinkVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LinkVersionRepository implements PanacheRepositoryBase<LinkVersion, UUID> {

    public List<LinkVersion> ofLink(UUID linkId) {
        return list("linkId = ?1 order by version", linkId);
    }

    public Optional<LinkVersion> find(UUID linkId, long version) {
        return find("linkId = ?1 and version = ?2", linkId, version).firstResultOptional();
    }
}
