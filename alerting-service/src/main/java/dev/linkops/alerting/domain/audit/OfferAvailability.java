package dev.linkops.alerting.domain.audit;

import dev.linkops.contracts.events.v1.StockState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads schema.org Offer availability from a page: JSON-LD ({@code "availability": "https://schema.org/InStock"})
 * or microdata ({@code itemprop="availability" href|content="..."}). Deliberately lenient: pages are
 * messy, and we only need the availability value.
 */
public final class OfferAvailability {
    private static final Pattern JSON_LD = Pattern.compile(
            "<script[^>]*type\\s*=\\s*[\"']application/ld\\+json[\"'][^>]*>(.*?)</script>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern JSON_AVAILABILITY = Pattern.compile(
            "\"availability\"\\s*:\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern MICRODATA_TAG = Pattern.compile(
            "<[a-z][^>]*itemprop\\s*=\\s*[\"']availability[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(href|content)\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    private OfferAvailability() {
    }

    /** @return the first availability the page states, if it states one */
    public static Optional<StockState> read(String html) {
        if (html == null || html.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Matcher blocks = JSON_LD.matcher(html);
        while (blocks.find()) {
            Matcher m = JSON_AVAILABILITY.matcher(blocks.group(1));
            while (m.find()) {
                values.add(m.group(1));
            }
        }
        Matcher tags = MICRODATA_TAG.matcher(html);
        while (tags.find()) {
            Matcher a = ATTRIBUTE.matcher(tags.group());
            while (a.find()) {
                values.add(a.group(2));
            }
        }
        for (String v : values) {
            Optional<StockState> s = map(v);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    static Optional<StockState> map(String value) {
        String v = value.trim();
        int slash = v.lastIndexOf('/');
        if (slash >= 0) {
            v = v.substring(slash + 1);
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "instock", "onlineonly", "instoreonly" -> Optional.of(StockState.IN_STOCK);
            case "limitedavailability" -> Optional.of(StockState.LOW);
            case "outofstock", "soldout", "discontinued" -> Optional.of(StockState.OUT_OF_STOCK);
            case "backorder", "preorder", "presale" -> Optional.of(StockState.BACKORDER);
            default -> Optional.empty();
        };
    }
}
