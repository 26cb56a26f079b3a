package dev.linkops.availability.domain.thresholds;

import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.stock.EffectiveThresholds;
import dev.linkops.availability.domain.stock.SkuMarket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges thresholds field by field, most specific first: SKU in the market, SKU in all markets,
 * longest matching prefix default (market before '*'), stored global default, configured global default.
 */
@ApplicationScoped
public class ThresholdResolver {
    private static final int CHUNK = 1000;

    @Inject
    AvailabilityConfig config;

    /** A resolver bound to the SKUs of one unit of work, loaded in a few queries. */
    public Lookup forSkus(Collection<String> skus) {
        Map<SkuMarket, EffectiveThresholds> perSku = new HashMap<>();
        List<String> all = new ArrayList<>(skus);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            for (SkuThreshold t : SkuThreshold.<SkuThreshold>list("sku in ?1", chunk)) {
                perSku.put(new SkuMarket(t.sku, t.market), t.values());
            }
        }
        List<ThresholdDefault> defaults = new ArrayList<>(ThresholdDefault.<ThresholdDefault>listAll());
        defaults.sort(Comparator.comparingInt((ThresholdDefault d) -> d.skuPrefix.length()).reversed()
                .thenComparing(d -> SkuThreshold.ALL_MARKETS.equals(d.market)));
        var g = config.defaultThresholds();
        EffectiveThresholds configured = new EffectiveThresholds(g.lowAtMost().orElse(null), null,
                g.lowPercentOfBaseline().orElse(null), g.hysteresis().orElse(null));
        return new Lookup(perSku, defaults, configured);
    }

    public static final class Lookup {
        private final Map<SkuMarket, EffectiveThresholds> perSku;
        private final List<ThresholdDefault> defaults;
        private final EffectiveThresholds configured;

        Lookup(Map<SkuMarket, EffectiveThresholds> perSku, List<ThresholdDefault> defaults,
               EffectiveThresholds configured) {
            this.perSku = perSku;
            this.defaults = defaults;
            this.configured = configured;
        }

        public EffectiveThresholds of(String sku, String market) {
            EffectiveThresholds t = EffectiveThresholds.NONE;
            t = merge(t, perSku.get(new SkuMarket(sku, market)));
            t = merge(t, perSku.get(new SkuMarket(sku, SkuThreshold.ALL_MARKETS)));
            for (ThresholdDefault d : defaults) {
                if (sku.startsWith(d.skuPrefix)
                        && (d.market.equals(market) || SkuThreshold.ALL_MARKETS.equals(d.market))) {
                    t = t.orElse(d.values());
                }
            }
            return t.orElse(configured);
        }

        private static EffectiveThresholds merge(EffectiveThresholds t, EffectiveThresholds more) {
            return more == null ? t : t.orElse(more);
        }
    }
}
