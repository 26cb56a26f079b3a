package dev.linkops.routing;

/**
 * Device class from a User-Agent, for device conditions and reports. iPadOS Safari asks for desktop
 * sites with a Macintosh user agent, so those iPads count as desktop: the request cannot tell.
 */
public final class DeviceClassifier {

    public static final String MOBILE = "mobile";
    public static final String TABLET = "tablet";
    public static final String DESKTOP = "desktop";

    private static final TokenSet TABLET_TOKENS = new TokenSet(
            "ipad", "tablet", "kindle", "silk/", "playbook");
    private static final TokenSet MOBILE_TOKENS = new TokenSet(
            "mobi", "iphone", "ipod", "windows phone", "blackberry", "bb10", "opera mini", "symbian",
            "webos", "kaios");
    /** Android browsers say "Mobile" on phones only; checked after the mobile tokens. */
    private static final TokenSet ANDROID = new TokenSet("android");

    private DeviceClassifier() {
    }

    /** @return {@link #MOBILE}, {@link #TABLET} or {@link #DESKTOP}; desktop when the agent says nothing */
    public static String fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return DESKTOP;
        }
        if (TABLET_TOKENS.foundIn(userAgent)) {
            return TABLET;
        }
        if (MOBILE_TOKENS.foundIn(userAgent)) {
            return MOBILE;
        }
        return ANDROID.foundIn(userAgent) ? TABLET : DESKTOP;
    }
}
