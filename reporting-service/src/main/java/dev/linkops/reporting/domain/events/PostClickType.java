package dev.linkops.reporting.domain.events;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Post-click events a storefront reports against the click id the redirect appended (DESIGN §6). */
public enum PostClickType {
    ADD_TO_CART("add_to_cart"),
    PURCHASE("purchase"),
    WAITLIST_SIGNUP("waitlist_signup"),
    BACK_IN_STOCK_CLICK("back_in_stock_click"),
    VARIANT_CHANGE("variant_change"),
    SEARCH_REFINEMENT("search_refinement"),
    BOUNCE("bounce");

    public final String wireName;

    PostClickType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the type, or null when the name is not one of ours */
    public static PostClickType ofWireName(String name) {
        for (PostClickType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(t -> t.wireName).collect(Collectors.joining(", "));
    }
}
