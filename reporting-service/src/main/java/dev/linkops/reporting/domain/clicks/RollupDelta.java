package dev.linkops.reporting.domain.clicks;

import dev.linkops.reporting.domain.events.PostClickType;

import java.math.BigDecimal;

/** What one click or one post-click event adds to its rollup cell. */
public record RollupDelta(long clicks, long uniqueClicks, long addToCarts, long purchases, BigDecimal revenue,
                          long waitlistSignups, long backInStockClicks, long variantChanges, long searchRefinements,
                          long bounces) {

    public RollupDelta plus(RollupDelta o) {
        return new RollupDelta(clicks + o.clicks, uniqueClicks + o.uniqueClicks, addToCarts + o.addToCarts,
                purchases + o.purchases, revenue.add(o.revenue), waitlistSignups + o.waitlistSignups,
                backInStockClicks + o.backInStockClicks, variantChanges + o.variantChanges,
                searchRefinements + o.searchRefinements, bounces + o.bounces);
    }

    /** @param unique whether the click is its visitor's first on the link that day */
    public static RollupDelta click(boolean unique) {
        return new RollupDelta(1, unique ? 1 : 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0);
    }

    public static RollupDelta of(PostClickType type, BigDecimal revenue) {
        return new RollupDelta(0, 0,
                type == PostClickType.ADD_TO_CART ? 1 : 0,
                type == PostClickType.PURCHASE ? 1 : 0,
                type == PostClickType.PURCHASE && revenue != null ? revenue : BigDecimal.ZERO,
                type == PostClickType.WAITLIST_SIGNUP ? 1 : 0,
                type == PostClickType.BACK_IN_STOCK_CLICK ? 1 : 0,
                type == PostClickType.VARIANT_CHANGE ? 1 : 0,
                type == PostClickType.SEARCH_REFINEMENT ? 1 : 0,
                type == PostClickType.BOUNCE ? 1 : 0);
    }
}
