package dev.linkops.registry.persistence;

import dev.linkops.registry.domain.conventions.NamingConvention;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConventionRepository implements PanacheRepositoryBase<NamingConvention, String> {
}
