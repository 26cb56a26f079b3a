package dev.linkops.availability.domain.thresholds;

import dev.linkops.availability.domain.feed.FeedItemParser;
import dev.linkops.availability.domain.stock.Availability;
import dev.linkops.availability.domain.stock.AvailabilityLedger;
import dev.linkops.availability.domain.stock.EffectiveThresholds;
import dev.linkops.availability.domain.stock.StateTransition;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thresholds per SKU and market and defaults per SKU prefix. A change re-evaluates the affected
 * rows at once (their stock state and the thresholds they publish).
 */
@ApplicationScoped
public class ThresholdService {
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

    @Inject
    AvailabilityLedger ledger;

    @Inject
    ThresholdResolver resolver;

    /** @param market null or blank: every market of the SKU */
    @Transactional
    public SkuThreshold putForSku(String sku, String market, EffectiveThresholds values, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (sku == null || sku.length() > FeedItemParser.MAX_SKU_LENGTH || !SKU.matcher(sku).matches()) {
            errors.add(new FieldError("/sku", "must be at most 64 letters, digits or . _ : / - (path parameter)"));
        }
        String m = market(market, errors);
        check(values, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SkuThreshold row = SkuThreshold.findById(new SkuThreshold.Key(sku, m), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SkuThreshold();
            row.sku = sku;
            row.market = m;
        }
        row.set(values);
        row.updatedAt = Instant.now();
        row.updatedBy = user;
        row.persist(); // a no-op for a row that was found
        List<Availability> affected = SkuThreshold.ALL_MARKETS.equals(m)
                ? Availability.<Availability>find("sku = ?1 order by sku, market", sku).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                : Availability.<Availability>find("sku = ?1 and market = ?2", sku, m).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        reevaluate(affected);
        return row;
    }

    /** @param prefix null or blank: every SKU (the stored global default) */
    @Transactional
    public ThresholdDefault putDefault(String prefix, String market, EffectiveThresholds values, String user) {
        List<FieldError> errors = new ArrayList<>();
        String p = prefix == null ? "" : prefix.trim();
        if (p.length() > FeedItemParser.MAX_SKU_LENGTH) {
            errors.add(new FieldError("/skuPrefix", "must be at most 64 characters"));
        }
        String m = market(market, errors);
        check(values, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ThresholdDefault row = ThresholdDefault.findById(new ThresholdDefault.Key(p, m), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new ThresholdDefault();
            row.skuPrefix = p;
            row.market = m;
        }
        row.set(values);
        row.updatedAt = Instant.now();
        row.updatedBy = user;
        row.persist(); // a no-op for a row that was found
        String like = p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Availability> affected = SkuThreshold.ALL_MARKETS.equals(m)
                ? Availability.<Availability>find("sku like ?1 order by sku, market", like).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                : Availability.<Availability>find("sku like ?1 and market = ?2 order by sku, market", like, m)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        reevaluate(affected);
        return row;
    }

    @Transactional
    public List<SkuThreshold> forSku(String sku) {
        return SkuThreshold.list("sku = ?1 order by market", sku);
    }

    @Transactional
    public List<ThresholdDefault> defaults() {
        return ThresholdDefault.list("order by skuPrefix, market");
    }

    @Transactional
    public EffectiveThresholds effective(String sku, String market) {
        return resolver.forSkus(Set.of(sku)).of(sku, market);
    }

    private void reevaluate(List<Availability> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> skus = new HashSet<>();
        rows.forEach(r -> skus.add(r.sku));
        // the new settings must be visible to the resolver's queries
        SkuThreshold.getEntityManager().flush();
        ThresholdResolver.Lookup lookup = resolver.forSkus(skus);
        Instant now = Instant.now();
        for (Availability row : rows) {
            if (row.state == dev.linkops.contracts.events.v1.StockState.UNKNOWN) {
                // its source is silent: keep UNKNOWN, but carry the new thresholds once it speaks
                row.useThresholds(lookup.of(row.sku, row.market));
                continue;
            }
            ledger.reevaluate(row, lookup.of(row.sku, row.market), StateTransition.Reason.THRESHOLDS, now);
        }
    }

    private static String market(String market, List<FieldError> errors) {
        if (market == null || market.isBlank() || SkuThreshold.ALL_MARKETS.equals(market.trim())) {
            return SkuThreshold.ALL_MARKETS;
        }
        String m = market.trim().toUpperCase(Locale.ROOT);
        if (!MARKET.matcher(m).matches()) {
            errors.add(new FieldError("/market", "must be a two-letter ISO 3166 country code such as US, or left out for every market"));
        }
        return m;
    }

    private static void check(EffectiveThresholds t, List<FieldError> errors) {
        if (t.lowAtMost() != null && t.lowAtMost() < 0) {
            errors.add(new FieldError("/lowAtMost", "must be 0 or more units"));
        }
        if (t.baseline() != null && t.baseline() < 1) {
            errors.add(new FieldError("/baseline", "must be 1 or more units"));
        }
        if (t.lowPercentOfBaseline() != null && (t.lowPercentOfBaseline() < 0 || t.lowPercentOfBaseline() > 100)) {
            errors.add(new FieldError("/lowPercentOfBaseline", "must be between 0 and 100"));
        }
        if (t.hysteresis() != null && t.hysteresis() < 0) {
            errors.add(new FieldError("/hysteresis", "must be 0 or more units"));
        }
    }
}
