package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.RouteRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.linkops.contracts.events.v1.StockState.LOW;
import static dev.linkops.contracts.events.v1.StockState.OUT_OF_STOCK;
import static dev.linkops.routing.TestLinks.DESKTOP_DE;
import static dev.linkops.routing.TestLinks.NOW;
import static dev.linkops.routing.TestLinks.link;
import static dev.linkops.routing.TestLinks.signals;
import static dev.linkops.routing.TestLinks.stock;
import static dev.linkops.routing.TestLinks.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Links built from one template share what they have in common, and still route as themselves. */
class SharedPartsTest {

    private static final String WAITLIST = "https://shop.example/waitlist/{sku}";

    private static TestLinks.Link campaignLink(String sku) {
        return link().skus(sku)
                .rule("sold-out", stock("primary", OUT_OF_STOCK), WAITLIST, DestinationType.WAITLIST)
                .rule("germany", when().market("DE").language("de").build(), "https://shop.example/{market}/sale",
                        DestinationType.CATEGORY)
                .utm("source", "newsletter").utm("campaign", "spring")
                .window(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)))
                .maxSignalAge(Duration.ofMinutes(5));
    }

    private static LinkPublished withCode(LinkPublished link, String code) {
        return new LinkPublished(UUID.nameUUIDFromBytes(code.getBytes()), code, link.version(), link.status(),
                link.skus(), link.markets(), link.language(), link.startsAt(), link.endsAt(), link.destination(),
                link.rules(), link.fallbacks(), link.utm(), link.redirectStatus(), link.maxSignalAge(),
                link.clickId(), link.owner(), link.team(), link.campaign(), link.channel());
    }

    @Test
    void theCompiledLinkKeepsAVersionEqualToThePublishedOne() {
        LinkPublished published = campaignLink("SKU-1").build();

        assertEquals(published, CompiledLink.compile(published).link());
    }

    @Test
    void linksFromOneTemplateShareTheirPartsButRouteToTheirOwnSku() {
        CompiledLink first = CompiledLink.compile(withCode(campaignLink("SKU-1").build(), "first"));
        CompiledLink second = CompiledLink.compile(withCode(campaignLink("SKU-2").build(), "second"));
        CompiledLink third = CompiledLink.compile(withCode(campaignLink("SKU-2").build(), "third"));

        assertSame(first.link().rules(), second.link().rules());
        assertSame(first.utm(), second.utm());
        var soldOut = signals().put("SKU-1", OUT_OF_STOCK, 0).put("SKU-2", OUT_OF_STOCK, 0);
        assertEquals("https://shop.example/waitlist/SKU-1", first.route(soldOut, DESKTOP_DE, NOW).destination());
        assertEquals("https://shop.example/waitlist/SKU-2", second.route(soldOut, DESKTOP_DE, NOW).destination());
        assertEquals("third", third.code());
        assertEquals("https://shop.example/waitlist/SKU-2", third.route(soldOut, DESKTOP_DE, NOW).destination());
    }

    @Test
    void changingTheListsAPublishedLinkWasBuiltFromChangesNoCompiledLink() {
        List<String> skus = new ArrayList<>(List.of("SKU-9"));
        TestLinks.Link builder = campaignLink("SKU-9").skus(skus);
        LinkPublished published = builder.build();
        List<RouteRule> rulesAsPublished = List.copyOf(published.rules());
        CompiledLink compiled = CompiledLink.compile(published);

        builder.rules.clear();
        builder.utm.clear();
        skus.set(0, "SKU-CHANGED");
        CompiledLink sameTemplate = CompiledLink.compile(withCode(campaignLink("SKU-9").build(), "again"));

        assertEquals(rulesAsPublished, compiled.link().rules());
        assertEquals(List.of("SKU-9"), compiled.link().skus());
        assertEquals(rulesAsPublished, sameTemplate.link().rules());
        assertEquals(List.of("SKU-9"), sameTemplate.link().skus());
        assertEquals("sold-out", compiled.route(signals().put("SKU-9", OUT_OF_STOCK, 0), DESKTOP_DE, NOW).branch());
        assertEquals("utm_source=newsletter", sameTemplate.utm().pair(0));
    }

    @Test
    void equalConditionsOnDifferentStatesStayApart() {
        CompiledLink low = link().rule("watch", stock("primary", LOW), WAITLIST, DestinationType.WAITLIST).compile();
        CompiledLink out = link().rule("watch", stock("primary", OUT_OF_STOCK), WAITLIST, DestinationType.WAITLIST)
                .compile();

        var lowStock = signals().put("SKU-1", LOW, 3);
        assertEquals("watch", low.route(lowStock, DESKTOP_DE, NOW).branch());
        assertEquals(RouteDecision.DEFAULT_BRANCH, out.route(lowStock, DESKTOP_DE, NOW).branch());
    }
}
