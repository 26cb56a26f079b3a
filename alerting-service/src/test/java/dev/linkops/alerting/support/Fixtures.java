package dev.linkops.alerting.support;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Events and tokens the tests use; every test picks its own codes and SKUs so tests never see each other. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static LinkPublished live(UUID linkId, String code, long version, String owner, String team, String sku,
                                     String destination, List<RouteRule> rules) {
        return new LinkPublished(linkId, code, version, LinkStatus.LIVE, List.of(sku), List.of("US"), "en",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                new RouteTarget(destination, DestinationType.PDP), rules,
                new LinkPublished.Fallbacks(null, null, null),
                Map.of("source", "google", "medium", "cpc", "campaign", "weekend"), 302, Duration.ofMinutes(15),
                true, owner, team, "weekend", "paid_search");
    }

    public static LinkPublished live(UUID linkId, String code, String owner, String team, String sku) {
        return live(linkId, code, 1, owner, team, sku, "https://shop.example.com/p/" + sku, List.of());
    }

    public static RouteRule waitlistWhenOutOfStock(String destination) {
        return new RouteRule("sold-out", new RouteCondition(
                new RouteCondition.StockCondition("primary", List.of(StockState.OUT_OF_STOCK), null, null),
                null, null, null, null, null), new RouteTarget(destination, DestinationType.WAITLIST));
    }

    public static AvailabilityChanged availability(String sku, StockState state, StockState previous, long available,
                                                   long sequence) {
        Instant now = Instant.now();
        return new AvailabilityChanged(sku, "US", state, previous, available, 400L,
                new AvailabilityChanged.Thresholds(25L, 5, 5), "erp", now, now, sequence);
    }

    public static String token(String user, String... roles) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(roles));
    }

    /** Mails GreenMail received for the address whose subject contains the text. */
    public static List<MimeMessage> mails(String to, String subjectContains) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : GreenMailTestResource.greenMail().getReceivedMessages()) {
            try {
                boolean addressed = Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to));
                if (addressed && m.getSubject() != null && m.getSubject().contains(subjectContains)) {
                    out.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
