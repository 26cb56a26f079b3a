package dev.linkops.registry.domain.preflight;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.registry.config.RegistryConfig;
import dev.linkops.registry.domain.conventions.ConventionMode;
import dev.linkops.registry.domain.conventions.ConventionService;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.RouteTreeCheck;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.domain.signals.PageAudit;
import dev.linkops.registry.domain.signals.StockSignal;
import dev.linkops.registry.domain.versions.LinkVersion;
import dev.linkops.registry.persistence.LinkVersionRepository;
import dev.linkops.registry.persistence.PageAuditRepository;
import dev.linkops.registry.persistence.StockSignalRepository;
import dev.linkops.routing.InvalidRouteTreeException;
import dev.linkops.routing.QueryMerger;
import dev.linkops.routing.RouteDecision;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checkpoints before a promotion goes live: routing compiles, the window is open, every SKU has a
 * fresh stock signal, each branch's page passed its audit, and analytics will see complete UTMs and
 * every incoming parameter.
 */
@ApplicationScoped
public class PreflightService {
    public static final String CLICK_ID_PARAM = "lo_cid";
    private static final List<String> REQUIRED_UTM = List.of("source", "medium", "campaign");
    private static final Set<StockState> WORRYING = Set.of(StockState.LOW, StockState.OUT_OF_STOCK, StockState.BACKORDER);

    private final StockSignalRepository signals;
    private final PageAuditRepository audits;
    private final LinkVersionRepository versions;
    private final ConventionService conventions;
    private final RegistryConfig config;

    public PreflightService(StockSignalRepository signals, PageAuditRepository audits, LinkVersionRepository versions,
                            ConventionService conventions, RegistryConfig config) {
        this.signals = signals;
        this.audits = audits;
        this.versions = versions;
        this.conventions = conventions;
        this.config = config;
    }

    public Checklist run(Link link, Instant now) {
        LinkSpec spec = SpecJson.read(link.spec);
        List<Checklist.Check> checks = new ArrayList<>();
        checks.add(routing(link, spec));
        checks.add(window(spec, now));
        checks.add(stock(spec, now));
        checks.add(pages(link, spec));
        checks.add(analytics(spec));
        return Checklist.of(link.id, link.code, link.version, checks);
    }

    private static Checklist.Check routing(Link link, LinkSpec spec) {
        try {
            RouteTreeCheck.compile(spec, link.id, link.code, link.version, LinkStatus.LIVE, link.owner);
            return check("routing", CheckStatus.PASS, "the routing tree compiles with " + spec.rules().size()
                    + " branch(es) and a default", List.of());
        } catch (InvalidRouteTreeException e) {
            return check("routing", CheckStatus.FAIL, e.getMessage(), List.of());
        }
    }

    private static Checklist.Check window(LinkSpec spec, Instant now) {
        if (spec.endsAt() != null && !spec.endsAt().isAfter(now)) {
            return check("window", CheckStatus.FAIL, "the link's window ended at " + spec.endsAt()
                    + "; move endsAt before publishing", List.of());
        }
        if (spec.startsAt() != null && spec.startsAt().isAfter(now)) {
            return check("window", CheckStatus.PASS, "publishing schedules the link; it goes live at " + spec.startsAt(),
                    List.of());
        }
        return check("window", CheckStatus.PASS, "publishing makes the link live now", List.of());
    }

    /** Every SKU needs a fresh signal in every market; a primary SKU already short is worth a warning. */
    private Checklist.Check stock(LinkSpec spec, Instant now) {
        if (spec.skus().isEmpty()) {
            return check("stock", CheckStatus.PASS, "the link names no SKUs; nothing to verify", List.of());
        }
        List<String> markets = spec.markets().isEmpty() ? java.util.Collections.singletonList(null) : spec.markets();
        List<Checklist.Item> items = new ArrayList<>();
        for (String sku : spec.skus()) {
            for (String market : markets) {
                String subject = market == null ? sku : sku + "@" + market;
                StockSignal signal = signals.find(sku, market).orElse(null);
                if (signal == null) {
                    items.add(new Checklist.Item(subject, CheckStatus.FAIL,
                            "no availability signal yet; routing would treat it as UNKNOWN"));
                    continue;
                }
                Duration age = Duration.between(signal.observedAt(), now);
                if (age.compareTo(spec.maxSignalAge()) > 0) {
                    items.add(new Checklist.Item(subject, CheckStatus.FAIL, "signal is " + human(age)
                            + " old, older than maxSignalAge " + spec.maxSignalAge() + "; its feed may be stale"));
                } else if (sku.equals(spec.primarySku()) && WORRYING.contains(signal.state())) {
                    items.add(new Checklist.Item(subject, CheckStatus.WARN, "primary SKU is already " + signal.state()
                            + " (" + signal.available() + " available)"));
                } else {
                    items.add(new Checklist.Item(subject, CheckStatus.PASS, signal.state() + ", " + signal.available()
                            + " available, " + human(age) + " old"));
                }
            }
        }
        CheckStatus status = worst(items);
        String detail = switch (status) {
            case FAIL -> "some SKUs have no fresh availability signal";
            case WARN -> "signals are fresh, but the primary SKU is short";
            default -> "every SKU has a fresh signal in every market";
        };
        return check("stock", status, detail, items);
    }

    /**
     * Each branch's page by its latest audit; none yet is UNKNOWN (shown, not blocking), and so is an audit
     * of a destination the branch no longer has.
     */
    private Checklist.Check pages(Link link, LinkSpec spec) {
        Map<String, PageAudit> latest = audits.ofLink(link.id).stream()
                .collect(Collectors.toMap(PageAudit::branch, Function.identity()));
        Map<String, String> branches = branchTargets(spec);
        Map<String, Long> since = destinationSince(link, branches);
        List<Checklist.Item> items = new ArrayList<>();
        branches.forEach((branch, url) -> {
            PageAudit audit = latest.get(branch);
            if (audit == null) {
                items.add(new Checklist.Item(branch, CheckStatus.UNKNOWN, "not audited yet: " + url));
            } else if (audit.version() < since.get(branch)) {
                items.add(new Checklist.Item(branch, CheckStatus.UNKNOWN, "last audited at version " + audit.version()
                        + ", before the destination changed in version " + since.get(branch) + ": " + url));
            } else if (!audit.ok()) {
                items.add(new Checklist.Item(branch, CheckStatus.FAIL, "audit of version " + audit.version() + " at "
                        + audit.checkedAt() + " failed: " + (audit.problem() == null ? "HTTP " + audit.httpStatus() : audit.problem())));
            } else {
                items.add(new Checklist.Item(branch, CheckStatus.PASS, "audit of version " + audit.version() + " at "
                        + audit.checkedAt() + " passed"));
            }
        });
        CheckStatus status = worst(items);
        String detail = switch (status) {
            case FAIL -> "a destination failed its audit";
            case UNKNOWN -> "some destinations have not been audited since they were set";
            default -> "every destination passed its latest audit";
        };
        return check("pages", status, detail, items);
    }

    private static Map<String, String> branchTargets(LinkSpec spec) {
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put(RouteDecision.DEFAULT_BRANCH, spec.destination());
        for (RouteRule rule : spec.rules()) {
            branches.put(rule.label(), rule.then().destination());
        }
        return branches;
    }

    /** The first version since which each branch has had its current destination. */
    private Map<String, Long> destinationSince(Link link, Map<String, String> current) {
        Map<String, Long> since = new LinkedHashMap<>();
        current.keySet().forEach(branch -> since.put(branch, link.version));
        Set<String> open = new java.util.HashSet<>(current.keySet());
        List<LinkVersion> history = versions.ofLink(link.id);
        for (int i = history.size() - 1; i >= 0 && !open.isEmpty(); i--) {
            LinkVersion version = history.get(i);
            Map<String, String> then = branchTargets(SpecJson.read(version.spec));
            for (java.util.Iterator<String> it = open.iterator(); it.hasNext(); ) {
                String branch = it.next();
                if (current.get(branch).equals(then.get(branch))) {
                    since.put(branch, version.version);
                } else {
                    it.remove();
                }
            }
        }
        return since;
    }

    /** UTMs complete and conventional, click id on, and a simulated redirect keeps every parameter. */
    private Checklist.Check analytics(LinkSpec spec) {
        List<Checklist.Item> items = new ArrayList<>();
        for (String key : REQUIRED_UTM) {
            items.add(spec.utm().containsKey(key)
                    ? new Checklist.Item("utm_" + key, CheckStatus.PASS, spec.utm().get(key))
                    : new Checklist.Item("utm_" + key, CheckStatus.FAIL, "missing; campaign reports cannot attribute these clicks"));
        }
        for (ConventionService.Finding finding : conventions.check(spec)) {
            items.add(new Checklist.Item(finding.field(),
                    finding.mode() == ConventionMode.ENFORCE ? CheckStatus.FAIL : CheckStatus.WARN, finding.reason()));
        }
        items.add(spec.clickId()
                ? new Checklist.Item("clickId", CheckStatus.PASS, "on: post-click events can be attributed")
                : new Checklist.Item("clickId", CheckStatus.WARN, "off: conversions cannot be tied to clicks"));
        items.addAll(parameterProbe(spec));
        CheckStatus status = worst(items);
        String detail = switch (status) {
            case FAIL -> "analytics would lose data; see items";
            case WARN -> "analytics works, with caveats";
            default -> "UTMs complete, click id on, parameters preserved";
        };
        return check("analytics", status, detail, items);
    }

    /** Pushes a probe query through the same merger as the redirect, for every branch destination. */
    private List<Checklist.Item> parameterProbe(LinkSpec spec) {
        String probe = config.preflightProbeQuery();
        List<String> expected = new ArrayList<>();
        for (String pair : probe.split("&")) {
            if (!pair.isEmpty()) {
                expected.add(pair);
            }
        }
        spec.utm().forEach((key, value) -> expected.add("utm_" + key + "=" + value.replace("%", "%25").replace("+", "%2B").replace("&", "%26")));
        if (spec.clickId()) {
            expected.add(CLICK_ID_PARAM + "=preflight");
        }
        Map<String, String> targets = branchTargets(spec);
        List<Checklist.Item> items = new ArrayList<>();
        targets.forEach((branch, template) -> {
            String url = template.replace("{sku}", spec.skus().isEmpty() ? "" : spec.skus().get(0))
                    .replace("{market}", spec.markets().isEmpty() ? "US" : spec.markets().get(0))
                    .replace("{language}", spec.language() == null ? "en" : spec.language());
            String location = QueryMerger.merge(url, spec.utm(), probe, spec.clickId() ? CLICK_ID_PARAM : null,
                    spec.clickId() ? "preflight" : null);
            List<String> lost = expected.stream().filter(p -> !QueryText.hasPair(location, p)).toList();
            items.add(lost.isEmpty()
                    ? new Checklist.Item("parameters@" + branch, CheckStatus.PASS, location)
                    : new Checklist.Item("parameters@" + branch, CheckStatus.FAIL, "the redirect would lose " + lost + ": " + location));
        });
        return items;
    }

    private static Checklist.Check check(String name, CheckStatus status, String detail, List<Checklist.Item> items) {
        return new Checklist.Check(name, status, status == CheckStatus.FAIL, detail, items);
    }

    private static CheckStatus worst(List<Checklist.Item> items) {
        return items.stream().map(Checklist.Item::status).max(Comparator.naturalOrder()).orElse(CheckStatus.PASS);
    }

    private static String human(Duration age) {
        if (age.isNegative()) {
            return "0s";
        }
        long s = age.getSeconds();
        return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "min" : (s / 3600) + "h";
    }
}
