package dev.salvo.engine.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;


/**
 * A certificate made in memory (EC P-256), self-signed or signed by an {@link #authority}: the demo
 * target's HTTPS identity, and in tests the expired or wrongly named certificates that clients must
 * refuse, and client certificates.
 */
public record DemoCertificate(X509Certificate certificate, PrivateKey key) {

    /** Valid for a day from an hour ago, for {@code host} (a DNS name or an IP address) and localhost. */
    public static DemoCertificate generate(String host) {
        Instant now = Instant.now();
        return generate(host, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    public static DemoCertificate generate(String host, Instant notBefore, Instant notAfter) {
        return build(host, notBefore, notAfter, null, false);
    }

    /** A certificate for {@code host} signed by {@code issuer} (see {@link #authority}). */
    public static DemoCertificate generate(String host, Instant notBefore, Instant notAfter, DemoCertificate issuer) {
        return build(host, notBefore, notAfter, issuer, false);
    }

    /** A certificate authority valid for a day, to sign others with. */
    public static DemoCertificate authority(String name) {
        Instant now = Instant.now();
        return build(name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null, true);
    }

    private static DemoCertificate build(String host, Instant notBefore, Instant notAfter, DemoCertificate issuer,
            boolean ca) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + host);
            X500Name issuerName = issuer == null ? name : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
                    Date.from(notBefore), Date.from(notAfter), name, pair.getPublic());
            if (!ca) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName[] {altName(host), new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            PrivateKey signer = issuer == null ? pair.getPrivate() : issuer.key();
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
            return new DemoCertificate(cert, pair.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralName altName(String host) {
        boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host);
    }

    /** SHA-256 of the DER certificate, as {@code AB:CD:...}, the form browsers and openssl print. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        return pem(certificate);
    }

    /** The key in PKCS#8 form ({@code -----BEGIN PRIVATE KEY-----}), which every TLS stack reads. */
    public String keyPem() {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
