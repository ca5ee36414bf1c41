package dev.salvo.engine.demo.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues bearer tokens signed with a per-server key, so checking one needs no stored state: a load
 * test that logs in on every iteration does not grow the demo's heap.
 */
final class TokenIssuer {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key = new byte[32];
    private final AtomicLong serial = new AtomicLong();

    TokenIssuer() {
        new SecureRandom().nextBytes(key);
    }

    String issue(String username) {
        String payload = ENCODER.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + serial.incrementAndGet();
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The username of a token this issuer signed, or null. */
    String verify(String token) {
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return null;
        }
        String payload = token.substring(0, lastDot);
        try {
            byte[] signature = DECODER.decode(token.substring(lastDot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return null;
            }
            return new String(DECODER.decode(token.substring(0, firstDot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
