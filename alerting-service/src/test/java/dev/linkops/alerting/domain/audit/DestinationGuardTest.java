package dev.linkops.alerting.domain.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestinationGuardTest {

    private static final List<String> ALLOW = List.of("shop.example.com", "*.cdn.example.com", "localhost", "127.0.0.1");

    /** Production: public addresses only; "shop.example.com" resolves to a public address here. */
    private final DestinationGuard strict = new DestinationGuard(false, ALLOW, DestinationGuardTest::resolve);
    /** Local runs and tests: loopback and private addresses allowed, metadata still refused. */
    private final DestinationGuard local = new DestinationGuard(true, ALLOW, DestinationGuardTest::resolve);

    private static InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        return switch (host) {
            case "shop.example.com" -> new InetAddress[]{InetAddress.getByName("93.184.215.14")};
            case "img.cdn.example.com" -> new InetAddress[]{InetAddress.getByName("93.184.215.15"),
                    InetAddress.getByName("10.0.0.7")}; // one private answer is enough to refuse
            case "localhost" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
            default -> InetAddress.getAllByName(host);
        };
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8090/p/x          | loopback address",
            "http://localhost:8090/p/x          | loopback address",
            "http://[::1]/p/x                   | loopback address",
            "http://10.1.2.3/p/x                | private address",
            "http://192.168.0.10/p/x            | private address",
            "http://169.254.169.254/latest/meta-data/ | cloud metadata address",
            "http://[::ffff:169.254.169.254]/   | cloud metadata address",
            "http://169.254.10.1/               | link-local address",
            "http://[fd00:ec2::254]/            | cloud metadata address",
            "http://0.0.0.0/                    | unspecified address",
            "https://img.cdn.example.com/p/x    | private address",
            "file:///etc/passwd                 | scheme 'file' is not allowed",
            "ftp://shop.example.com/p/x         | scheme 'ftp' is not allowed",
            "gopher://shop.example.com/         | scheme 'gopher' is not allowed",
            "https://evil.example.org/p/x       | not on the audit allow-list",
            "https://user:pw@shop.example.com/  | user info",
            "/p/relative                        | only http and https"})
    void productionRefusesWithAClearReason(String url, String reason) {
        DestinationGuard.Refused refused = assertThrows(DestinationGuard.Refused.class, () -> strict.check(url));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void productionAllowsAnAllowListedPublicHost() {
        assertDoesNotThrow(() -> strict.check("https://shop.example.com/p/spk-x1?utm_source=google"));
    }

    @Test
    void localRunsMayReachLoopbackAndPrivateAddresses() {
        assertDoesNotThrow(() -> local.check("http://127.0.0.1:8090/p/x"));
        assertDoesNotThrow(() -> local.check("http://localhost:8090/p/x"));
    }

    @ParameterizedTest(name = "even locally {0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data/ | cloud metadata address",
            "http://169.254.1.1/                      | link-local address",
            "file:///etc/passwd                       | scheme 'file' is not allowed",
            "ftp://localhost/                         | scheme 'ftp' is not allowed"})
    void localRunsStillRefuseMetadataAndOtherSchemes(String url, String reason) {
        DestinationGuard.Refused refused = assertThrows(DestinationGuard.Refused.class, () -> local.check(url));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void webhooksNeedNoAllowListButStillAPublicAddress() {
        DestinationGuard webhooks = new DestinationGuard(false, null, DestinationGuardTest::resolve);
        assertDoesNotThrow(() -> webhooks.check("https://shop.example.com/hook"));
        assertThrows(DestinationGuard.Refused.class, () -> webhooks.check("http://127.0.0.1:9/hook"));
    }
}
