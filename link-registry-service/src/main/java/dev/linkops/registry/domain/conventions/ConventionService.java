package dev.linkops.registry.domain.conventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.domain.Actor;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.persistence.ConventionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Naming conventions for campaign names and utm_* values, set by analytics. */
@ApplicationScoped
public class ConventionService {
    public static final List<String> TARGETS = List.of("campaign", "utm_source", "utm_medium", "utm_campaign",
            "utm_content", "utm_term");
    private static final TypeReference<Map<String, ConventionPattern.PartRule>> PARTS = new TypeReference<>() {
    };

    /** A value that breaks a convention; {@code field} points into the link. */
    public record Finding(String field, String reason, ConventionMode mode) {
    }

    private final ConventionRepository conventions;

    public ConventionService(ConventionRepository conventions) {
        this.conventions = conventions;
    }

    public List<NamingConvention> list() {
        return conventions.listAll(io.quarkus.panache.common.Sort.by("target"));
    }

    public NamingConvention get(String target) {
        return conventions.findByIdOptional(target)
                .orElseThrow(() -> ProblemException.notFound("no convention for " + target));
    }

    @Transactional
    public NamingConvention put(String target, String pattern, Map<String, ConventionPattern.PartRule> parts,
                                String mode, Actor actor) {
        if (!TARGETS.contains(target)) {
            throw ProblemException.invalid("/target", "must be one of " + TARGETS);
        }
        if (pattern == null || pattern.isBlank() || pattern.length() > 200) {
            throw ProblemException.invalid("/pattern", "is required, e.g. {date}_{channel}_{productLine}_{audience}_{objective}");
        }
        try {
            ConventionPattern.of(pattern, parts);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("/pattern", e.getMessage());
        }
        ConventionMode parsedMode;
        try {
            parsedMode = mode == null ? ConventionMode.WARN : ConventionMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("/mode", "must be ENFORCE or WARN");
        }
        NamingConvention convention = conventions.findByIdOptional(target).orElseGet(NamingConvention::new);
        boolean fresh = convention.target == null;
        convention.target = target;
        convention.pattern = pattern;
        convention.parts = writeParts(parts == null ? Map.of() : parts);
        convention.mode = parsedMode;
        convention.updatedBy = actor.name();
        convention.updatedAt = Instant.now();
        if (fresh) {
            conventions.persist(convention);
        }
        return convention;
    }

    @Transactional
    public void delete(String target) {
        if (!conventions.deleteById(target)) {
            throw ProblemException.notFound("no convention for " + target);
        }
    }

    public Map<String, ConventionPattern.PartRule> parts(NamingConvention convention) {
        try {
            return SpecJson.mapper().readValue(convention.parts, PARTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored convention parts are unreadable", e);
        }
    }

    /** Every convention the spec breaks, in both modes. */
    public List<Finding> check(LinkSpec spec) {
        List<Finding> findings = new ArrayList<>();
        for (NamingConvention convention : conventions.listAll()) {
            String field;
            String value;
            if (convention.target.equals("campaign")) {
                field = "/campaign";
                value = spec.campaign();
            } else {
                String key = convention.target.substring("utm_".length());
                field = "/utm/" + key;
                value = spec.utm().get(key);
            }
            if (value == null) {
                continue;
            }
            ConventionPattern.of(convention.pattern, parts(convention)).violation(value)
                    .ifPresent(reason -> findings.add(new Finding(field, reason, convention.mode)));
        }
        return findings;
    }

    private static String writeParts(Map<String, ConventionPattern.PartRule> parts) {
        try {
            return SpecJson.mapper().writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
