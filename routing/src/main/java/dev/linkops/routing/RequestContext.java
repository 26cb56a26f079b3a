package dev.linkops.routing;

/**
 * The parts of a request the routing tree can branch on. Every value is compared case-insensitively;
 * a null value never matches a condition that lists values.
 *
 * @param device   "mobile", "tablet" or "desktop" (see {@link DeviceClassifier})
 * @param market   ISO 3166 alpha-2 country of the visitor, or null
 * @param language ISO 639-1 language ("en") or a tag with region ("en-GB"), or null
 * @param segment  audience segment from the {@code seg} parameter or cookie, or null
 */
public record RequestContext(String device, String market, String language, String segment) {
}
