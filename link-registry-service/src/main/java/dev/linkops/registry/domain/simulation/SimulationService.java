package dev.linkops.registry.domain.simulation;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.RouteTreeCheck;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.domain.preflight.PreflightService;
import dev.linkops.registry.domain.signals.StockSignal;
import dev.linkops.registry.persistence.LinkRepository;
import dev.linkops.registry.persistence.StockSignalRepository;
import dev.linkops.routing.AvailabilitySignal;
import dev.linkops.routing.AvailabilityView;
import dev.linkops.routing.CompiledLink;
import dev.linkops.routing.QueryMerger;
import dev.linkops.routing.RequestContext;
import dev.linkops.routing.RouteDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routes a hypothetical click with the redirect's own evaluator and query merger. A draft or paused link
 * is simulated as if it were live, so authors can try the tree before launch.
 */
@ApplicationScoped
public class SimulationService {
    private static final Set<String> DEVICES = Set.of("mobile", "tablet", "desktop");

    private final LinkRepository links;
    private final StockSignalRepository signals;

    public SimulationService(LinkRepository links, StockSignalRepository signals) {
        this.links = links;
        this.signals = signals;
    }

    public SimulationResult simulate(UUID id, Scenario scenario) {
        Link link = links.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no link " + id));
        if (scenario.device() != null && !DEVICES.contains(scenario.device().toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid("/device", "must be mobile, tablet or desktop");
        }
        LinkSpec spec = SpecJson.read(link.spec);
        Map<String, Scenario.SkuAvailability> given = scenario.availability() == null ? Map.of() : scenario.availability();
        given.forEach((sku, availability) -> {
            if (availability == null || availability.state() == null) {
                throw ProblemException.invalid("/availability/" + sku + "/state", "is required");
            }
        });
        Instant at = scenario.at() != null ? scenario.at()
                : spec.startsAt() != null && spec.startsAt().isAfter(Instant.now()) ? spec.startsAt() : Instant.now();
        LinkStatus status = link.status == LinkStatus.EXPIRED || link.status == LinkStatus.ARCHIVED
                ? link.status : LinkStatus.LIVE;
        CompiledLink compiled = RouteTreeCheck.compile(spec, link.id, link.code, link.version, status, link.owner);

        AvailabilityView view = (sku, market) -> {
            Scenario.SkuAvailability hypothetical = given.get(sku);
            if (hypothetical != null) {
                long age = hypothetical.ageSeconds() == null ? 0 : hypothetical.ageSeconds();
                return new AvailabilitySignal(hypothetical.state(),
                        hypothetical.available() == null ? 0 : hypothetical.available(), hypothetical.baseline(),
                        at.minusSeconds(age));
            }
            StockSignal real = signals.find(sku, market).orElse(null);
            return real == null ? null
                    : new AvailabilitySignal(real.state(), real.available(), real.baseline(), real.observedAt());
        };
        RouteDecision decision = compiled.route(view, new RequestContext(
                scenario.device() == null ? null : scenario.device().toLowerCase(Locale.ROOT), scenario.market(),
                scenario.language(), scenario.segment()), at);
        String location = decision.destination() == null ? null : QueryMerger.merge(decision.destination(),
                compiled.utm(), scenario.query(), compiled.clickIdEnabled() ? PreflightService.CLICK_ID_PARAM : null,
                compiled.clickIdEnabled() ? "simulated" : null);
        return new SimulationResult(link.version, at, decision.outcome().name(), decision.branch(),
                decision.destinationType(), location, decision.skus());
    }
}
