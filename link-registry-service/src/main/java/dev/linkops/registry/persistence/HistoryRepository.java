package dev.linkops.registry.persistence;

import dev.linkops.registry.domain.versions.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, UUID> {

    public List<HistoryEntry> ofLink(UUID linkId) {
        return list("linkId = ?1 order by at, id", linkId);
    }
}
