package dev.linkops.registry.persistence;

import dev.linkops.registry.domain.approvals.ChangeRequest;
import dev.linkops.registry.domain.approvals.ChangeRequestStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChangeRequestRepository implements PanacheRepositoryBase<ChangeRequest, UUID> {

    public Optional<ChangeRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ChangeRequest> search(ChangeRequestStatus status, UUID linkId) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (linkId != null) {
            q.append(" and linkId = :linkId");
            params.put("linkId", linkId);
        }
        return list(q + " order by proposedAt", params);
    }
}
