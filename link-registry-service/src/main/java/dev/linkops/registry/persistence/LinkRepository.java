package dev.linkops.registry.persistence;

import dev.linkops.registry.domain.links.Link;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LinkRepository implements PanacheRepositoryBase<Link, UUID> {

    /** Locks the row: every change to a link runs one at a time, so versions never collide. */
    public Optional<Link> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean codeTaken(String code) {
        return count("lower(code) = lower(?1)", code) > 0;
    }
}
