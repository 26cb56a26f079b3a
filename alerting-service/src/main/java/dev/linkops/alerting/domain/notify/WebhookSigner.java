package dev.linkops.alerting.domain.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs webhook bodies: {@code X-LinkOps-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with the timestamp (epoch seconds) in {@code X-LinkOps-Timestamp}, so a receiver can reject replays.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-LinkOps-Signature";
    public static final String TIMESTAMP_HEADER = "X-LinkOps-Timestamp";

    private WebhookSigner() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
