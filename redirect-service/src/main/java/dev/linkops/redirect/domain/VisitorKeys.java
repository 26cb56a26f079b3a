package dev.linkops.redirect.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The visitor key of a click, for unique clicks: HMAC-SHA256 over the UTC day, the client address and
 * the user agent, cut to 128 bits. One visitor gets one key a day; without the secret a key says nothing
 * about the address, and keys of two days cannot be linked to each other. Every replica needs the same
 * secret to give a visitor the same key.
 */
public final class VisitorKeys {
    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;

    public VisitorKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a visitor key secret needs at least 16 bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A secret of this process alone: keys then differ between replicas and restarts. */
    public static VisitorKeys random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new VisitorKeys(secret);
    }

    public static VisitorKeys of(String secret) {
        return new VisitorKeys(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 lowercase hex characters; null when nothing identifies the visitor. */
    public String key(String address, String userAgent, Instant at) {
        if (address == null && userAgent == null) {
            return null;
        }
        Mac mac = macs.get();
        long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (day >>> shift));
        }
        if (address != null) {
            mac.update(address.getBytes(StandardCharsets.UTF_8));
        }
        mac.update((byte) 0); // "a" + "bc" and "ab" + "c" must not meet
        if (userAgent != null) {
            mac.update(userAgent.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(mac.doFinal(), 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
