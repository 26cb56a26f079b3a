package dev.linkops.alerting.domain.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps audits (and webhooks) from being turned against our own network (SSRF): http/https only,
 * allow-listed hosts only, and every address the host resolves to must be public. Link-local and
 * cloud metadata addresses are refused always; loopback and private ranges only when the local/test
 * configuration allows them. Called for every hop of a redirect chain.
 */
public final class DestinationGuard {

    /** Resolves a host name; a seam so tests can pin what a name resolves to. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final boolean allowPrivate;
    private final List<String> allowedHosts;
    private final Resolver resolver;

    /** @param allowedHosts null to allow any host (webhooks), else exact names or "*.suffix" */
    public DestinationGuard(boolean allowPrivate, List<String> allowedHosts, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts == null ? null
                : allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.resolver = resolver;
    }

    public DestinationGuard(boolean allowPrivate, List<String> allowedHosts) {
        this(allowPrivate, allowedHosts, InetAddress::getAllByName);
    }

    /** @return the parsed URI when it may be requested */
    public URI check(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("no URL");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("not a valid URL: " + e.getMessage());
        }
        return check(uri);
    }

    public URI check(URI uri) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("scheme '" + (scheme.isEmpty() ? "(none)" : scheme) + "' is not allowed; only http and https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("URLs with user info are not allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("URL has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // Literal addresses are judged before the allow-list so the reason names what is wrong with them.
        if (isIpLiteral(bare)) {
            try {
                judge(bare, InetAddress.getByName(bare));
            } catch (UnknownHostException e) {
                throw new Refused("host " + host + " is not a valid address");
            }
        }
        if (allowedHosts != null && !hostAllowed(bare)) {
            throw new Refused("host " + host + " is not on the audit allow-list");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            judge(host, address);
        }
        return uri;
    }

    private void judge(String host, InetAddress address) throws Refused {
        Optional<String> always = alwaysRefused(address);
        if (always.isPresent()) {
            throw new Refused("host " + host + " resolves to " + address.getHostAddress() + ", " + always.get());
        }
        Optional<String> internal = internal(address);
        if (internal.isPresent() && !allowPrivate) {
            throw new Refused("host " + host + " resolves to " + address.getHostAddress() + ", " + internal.get()
                    + " (not allowed outside local runs)");
        }
    }

    private boolean hostAllowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.")) {
                if (host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1) {
                    return true;
                }
            } else if (allowed.equals(host)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> alwaysRefused(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 169 && b1 == 254) {
                return Optional.of(a.getHostAddress().equals("169.254.169.254")
                        ? "a cloud metadata address" : "a link-local address");
            }
            if (b0 == 100 && b1 == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200) {
                return Optional.of("a cloud metadata address"); // Alibaba
            }
            if (b0 == 0 || a.isAnyLocalAddress()) {
                return Optional.of("an unspecified address");
            }
            if (b0 >= 224) {
                return Optional.of("a multicast or reserved address");
            }
        } else if (a instanceof Inet6Address v6) {
            if (a.isAnyLocalAddress()) {
                return Optional.of("an unspecified address");
            }
            if (a.isLinkLocalAddress()) {
                return Optional.of("a link-local address");
            }
            if (a.isMulticastAddress()) {
                return Optional.of("a multicast address");
            }
            if ((b[0] & 0xff) == 0xfd && (b[1] & 0xff) == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2) {
                return Optional.of("a cloud metadata address"); // fd00:ec2::254
            }
            InetAddress mapped = embeddedV4(v6);
            if (mapped != null) {
                return alwaysRefused(mapped);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> internal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 100 && b1 >= 64 && b1 <= 127) {
                return Optional.of("a carrier-grade NAT address");
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return Optional.of("a benchmarking network address");
            }
        } else if (a instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local address");
            }
            InetAddress mapped = embeddedV4(v6);
            if (mapped != null) {
                return internal(mapped);
            }
        }
        return Optional.empty();
    }

    /** IPv4-mapped (::ffff:a.b.c.d) addresses carry an IPv4 address that must be judged as such. */
    private static InetAddress embeddedV4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
