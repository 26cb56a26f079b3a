package dev.linkops.reporting.domain.reports;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a report may be grouped by: the rollup's dimensions plus the link's campaign data. */
public enum Dimension {
    DAY("day", "s.day"),
    CAMPAIGN("campaign", "l.campaign"),
    CHANNEL("channel", "l.channel"),
    LINK("link", "s.link_id"),
    CODE("code", "l.code"),
    VERSION("version", "s.link_version"),
    BRANCH("branch", "s.branch"),
    STOCK_STATE("stockState", "s.stock_state"),
    MARKET("market", "s.market"),
    DEVICE("device", "s.device"),
    BOT("bot", "s.bot");

    public final String param;
    final String column;

    Dimension(String param, String column) {
        this.param = param;
        this.column = column;
    }

    public static Dimension ofParam(String name) {
        for (Dimension d : values()) {
            if (d.param.equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(d -> d.param).collect(Collectors.joining(", "));
    }
}
