package dev.salvo.dsl.host;

import org.graalvm.polyglot.Value;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** k6/crypto's hashes and HMACs on the JDK's implementations; the module converts the hex digest to k6's encodings. */
final class JsCrypto {
    /** k6's algorithm names and the JDK's digest names (md4 and ripemd160 the JDK lacks). */
    private static final Map<String, String> DIGESTS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha384", "SHA-384",
            "sha512", "SHA-512", "sha512_224", "SHA-512/224", "sha512_256", "SHA-512/256");

    private JsCrypto() {}

    /** The digest of the chunks (strings as UTF-8, ArrayBuffers), keyed with {@code secret} (an HMAC) unless it is null, as hex. */
    static String digest(String algorithm, Value secret, Value chunks) {
        String name = DIGESTS.get(algorithm);
        if (name == null) {
            throw ScriptProblem.type("k6/crypto: unknown or unsupported algorithm '" + algorithm + "' (salvo has "
                    + String.join(", ", new java.util.TreeSet<>(DIGESTS.keySet())) + ")");
        }
        try {
            if (secret == null || secret.isNull()) {
                MessageDigest md = MessageDigest.getInstance(name);
                for (long i = 0; i < chunks.getArraySize(); i++) md.update(JsValues.body(chunks.getArrayElement(i)));
                return HexFormat.of().formatHex(md.digest());
            }
            String macName = "Hmac" + name.replace("-", "");
            Mac mac = Mac.getInstance(macName);
            byte[] key = JsValues.body(secret);
            // SecretKeySpec refuses an empty key; HMAC pads the key with zero bytes, so one zero byte is the same key
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, macName));
            for (long i = 0; i < chunks.getArraySize(); i++) mac.update(JsValues.body(chunks.getArrayElement(i)));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw ScriptProblem.type("k6/crypto: " + algorithm + ": " + e.getMessage());
        }
    }
}
