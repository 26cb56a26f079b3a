package dev.linkops.registry.domain.links;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production policy (https only) — the @QuarkusTests run with the relaxed dev/test one. */
class UrlPolicyTest {
    private final UrlPolicy prod = new UrlPolicy(List.of("shop.example.com", "*.cdn.example.com"), true);
    private final UrlPolicy local = new UrlPolicy(List.of("localhost"), false);

    @Test
    void productionRefusesPlainHttp() {
        assertEquals("must use https", prod.reason("http://shop.example.com/p/x", false));
        assertNull(prod.reason("https://shop.example.com/p/x?a=1#top", false));
    }

    @Test
    void theLocalDemoStoreOnHttpIsFineWhenHttpsIsNotRequired() {
        assertNull(local.reason("http://localhost:8090/p/{sku}", true));
    }

    @Test
    void aWildcardAdmitsSubdomainsButNotTheBareDomainOrLookAlikes() {
        assertNull(prod.reason("https://img.cdn.example.com/x", false));
        assertTrue(prod.reason("https://cdn.example.com/x", false).contains("not allowed"));
        assertTrue(prod.reason("https://evilcdn.example.com/x", false).contains("not allowed"));
    }

    @Test
    void hostsCompareCaseInsensitivelyAndIgnoreATrailingDot() {
        assertNull(prod.reason("https://SHOP.Example.com./p", false));
    }

    @Test
    void placeholdersInTheHostMustStillLandOnAnAllowedHost() {
        assertTrue(prod.reason("https://{market}.evil.net/p", false).contains("not allowed"));
    }
}
